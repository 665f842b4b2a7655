/**
 * One shape for every error reply: `{ error, message, field? }` (docs/SERVICE-API.md). Fastify's
 * own errors (body parsing, size, media type) are translated here so they read like ours.
 */
import type { Socket } from "node:net";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import type { ErrorBody } from "../contract";
import { HttpError, UnavailableError } from "./errors";

/** The contract's error body (src/contract), filled in field by field. */
type ErrorReply = { -readonly [K in keyof ErrorBody]: ErrorBody[K] };

export function toServiceError(error: FastifyError | HttpError | Error, bodyLimit: number): HttpError {
  if (error instanceof HttpError) return error;
  const fastifyError = error as FastifyError;
  switch (fastifyError.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return new HttpError(400, "malformed-json", `The body is not valid JSON: ${error.message}`, "body");
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new HttpError(400, "malformed-json", "The body is empty but Content-Type says JSON; send a JSON object ({} when there is nothing to say).", "body");
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new HttpError(413, "body-too-large", `The body is larger than ${bodyLimit} bytes, the most this service accepts.`, "body");
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new HttpError(415, "unsupported-media-type", "Send the body as JSON with Content-Type: application/json.", "content-type");
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return new HttpError(400, "bad-request", "The Content-Length header does not match the body.", "content-length");
    case "FST_ERR_BAD_URL":
      return new HttpError(400, "bad-request", "The URL is not valid: a percent sign must start an escape like %20.", "url");
    case "FST_ERR_MAX_PARAM_LENGTH":
      return new HttpError(414, "uri-too-long", "A part of the URL is longer than 100 characters; no route takes one that long.", "url");
    default:
      break;
  }
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500) return new HttpError(status, "bad-request", error.message);
  return new HttpError(500, "internal", "The service failed to handle this request; it has been logged. Try again.");
}

export function makeErrorHandler(bodyLimit: number) {
  return function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
    const mapped = toServiceError(error, bodyLimit);
    if (mapped.statusCode >= 500) request.log.error({ err: error }, "request failed");
    const body: ErrorReply = { error: mapped.code, message: mapped.message };
    if (mapped.field !== undefined) body.field = mapped.field;
    Object.assign(body, mapped.details);
    if (mapped.statusCode === 401) void reply.header("www-authenticate", 'Bearer error="invalid_token"');
    if (mapped instanceof UnavailableError) void reply.header("retry-after", String(mapped.retryAfterSeconds));
    return reply.status(mapped.statusCode).send(body);
  };
}

/** Errors Fastify raises before a route is found (frameworkErrors), in the contract's shape. */
export function frameworkErrorReply(error: FastifyError, reply: FastifyReply): FastifyReply {
  const mapped = toServiceError(error, 0);
  const body: ErrorReply = { error: mapped.code, message: mapped.message };
  if (mapped.field !== undefined) body.field = mapped.field;
  return reply.status(mapped.statusCode).header("cache-control", "no-store").header("x-content-type-options", "nosniff").send(body);
}

/**
 * Errors of Node's HTTP parser (headers too large, broken framing, a request that took too long):
 * no request exists yet, so the reply is written to the socket by hand, in the contract's shape.
 */
export function rawClientErrorReply(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const [status, reason, code, message] =
    error.code === "HPE_HEADER_OVERFLOW"
      ? [431, "Request Header Fields Too Large", "headers-too-large", "The request's headers are larger than this service accepts (16 KB in all)."]
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, "Request Timeout", "request-timeout", "The request took too long to arrive; send it again."]
        : [400, "Bad Request", "bad-request", "The request is not valid HTTP/1.1 (for example a Content-Length that is not a number)."];
  const body = JSON.stringify({ error: code, message });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
