/**
 * What ±Infinity is stored as. MLflow stores ±Number.MAX_VALUE, but Prisma writes floats with 16
 * significant digits, which rounds MAX_VALUE past the largest double (PostgreSQL then refuses it):
 * this is the largest value that survives the round trip on both databases.
 */
export const INFINITY_STAND_IN = 1.7976931348623e308;
