/**
 * The APP_ENCRYPTION_KEY of every test process and every app or worker a test starts: fixed,
 * so a database one process sealed opens in another, and no test writes data/encryption.key.
 */
export const TEST_ENCRYPTION_KEY = "XnMkMP0LPdLVGSR5iwpllOCTnDMRutaB2PaQNZWZS+c=";
