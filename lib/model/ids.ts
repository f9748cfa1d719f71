import { z } from "zod";

/**
 * The shape of every id the app makes (cuid, UUID): an id that cannot be one is refused before
 * it reaches a query, where PostgreSQL would refuse a NUL in it with an error of its own.
 */
export const RECORD_ID = /^[A-Za-z0-9_-]{1,100}$/;

export const ID_MESSAGE = "not a valid id";

export const recordIdSchema = z.string().regex(RECORD_ID, { error: ID_MESSAGE });
