package io.datamint.spark.internal.server;

/** A request the server answers with an error status and {@code {"error": message}}. */
final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final boolean unsupported;

  ApiException(int status, String message) {
    this(status, message, false);
  }

  private ApiException(int status, String message, boolean unsupported) {
    super(message);
    this.status = status;
    this.unsupported = unsupported;
  }

  /**
   * 400 for a request the real API may answer but this server does not implement (a query parameter
   * or value it would otherwise ignore); the router logs and counts it as an unknown request.
   */
  static ApiException unsupported(String what) {
    return new ApiException(400, "not supported by the local Datamint server: " + what, true);
  }

  static ApiException notFound(String what) {
    return new ApiException(404, "not found: " + what);
  }

  static ApiException invalid(String message) {
    return new ApiException(422, message);
  }

  int status() {
    return status;
  }

  /** Whether this is an {@link #unsupported} request. */
  boolean isUnsupported() {
    return unsupported;
  }
}
