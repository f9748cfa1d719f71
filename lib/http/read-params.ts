/** The query parameter that names the project of a read authenticated by the session cookie. */
export const PROJECT_QUERY_PARAM = "projectId";
