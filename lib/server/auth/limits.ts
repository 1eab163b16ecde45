/** Password rules, shared by Better Auth's settings, the API's schemas and the forms' hints. */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;
