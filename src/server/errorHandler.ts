/**
 * One shape for every error reply: `{ error, message, field? }` (docs/SERVICE-API.md). Fastify's
 * own errors (body parsing, size, media type) are translated here so they read like ours.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { ServiceError } from "./errors";

export type ErrorReply = { error: string; message: string; field?: string; [detail: string]: unknown };

export function toServiceError(error: FastifyError | ServiceError | Error, bodyLimit: number): ServiceError {
  if (error instanceof ServiceError) return error;
  const fastifyError = error as FastifyError;
  switch (fastifyError.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return new ServiceError(400, "malformed-json", `The body is not valid JSON: ${error.message}`, "body");
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new ServiceError(400, "malformed-json", "The body is empty but Content-Type says JSON; send a JSON object ({} when there is nothing to say).", "body");
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new ServiceError(413, "body-too-large", `The body is larger than ${bodyLimit} bytes, the most this service accepts.`, "body");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new ServiceError(415, "unsupported-media-type", "Send the body as JSON with Content-Type: application/json.", "content-type");
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new ServiceError(400, "bad-request", "The Content-Length header does not match the body.", "content-length");
    default:
      break;
  }
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500) return new ServiceError(status, "bad-request", error.message);
  return new ServiceError(500, "internal", "The service failed to handle this request; it has been logged. Try again.");
}

export function makeErrorHandler(bodyLimit: number) {
  return function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
    const mapped = toServiceError(error, bodyLimit);
    if (mapped.statusCode >= 500) request.log.error({ err: error }, "request failed");
    const body: ErrorReply = { error: mapped.code, message: mapped.message };
    if (mapped.field !== undefined) body.field = mapped.field;
    Object.assign(body, mapped.details);
    if (mapped.statusCode === 401) void reply.header("www-authenticate", 'Bearer error="invalid_token"');
    return reply.status(mapped.statusCode).send(body);
  };
}
