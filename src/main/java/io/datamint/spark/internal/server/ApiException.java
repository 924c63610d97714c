package io.datamint.spark.internal.server;

/** A request the server answers with an error status and {@code {"error": message}}. */
final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  ApiException(int status, String message) {
    super(message);
    this.status = status;
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
}
