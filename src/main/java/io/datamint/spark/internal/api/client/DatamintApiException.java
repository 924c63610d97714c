package io.datamint.spark.internal.api.client;

import io.datamint.spark.error.SourceException;
import java.util.Locale;

/**
 * A Datamint API call failed. The message names the request (method and path, never the key), the
 * status and the server's reason, in words a user can act on; {@link #kind()} is the SDK's error
 * class.
 */
public final class DatamintApiException extends SourceException {

  private static final long serialVersionUID = 1L;

  /** The SDK's error classes, plus the transport's own. */
  public enum Kind {
    /** 401: the key is missing or rejected ({@code AuthenticationError}). */
    AUTHENTICATION,
    /** 403 ({@code PermissionDeniedError}). */
    PERMISSION_DENIED,
    /**
     * 404 whose body says "not found" ({@code ItemNotFoundError}), or a project name nobody has.
     */
    NOT_FOUND,
    /** 400, 422 and other 4xx ({@code ValidationError}). */
    VALIDATION,
    /** 429 after the last attempt. */
    RATE_LIMITED,
    /** 5xx after the last attempt ({@code ServerError}). */
    SERVER,
    /**
     * No usable response: connection refused or dropped, a timeout, a truncated or malformed body.
     */
    TRANSPORT
  }

  private final Kind kind;
  private final int status;

  public DatamintApiException(Kind kind, int status, String message) {
    super(message);
    this.kind = kind;
    this.status = status;
  }

  public DatamintApiException(Kind kind, int status, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.status = status;
  }

  /** The SDK's mapping of an HTTP status (and body, for 404) to an error class. */
  static Kind kindOf(int status, String body) {
    if (status == 401) {
      return Kind.AUTHENTICATION;
    }
    if (status == 403) {
      return Kind.PERMISSION_DENIED;
    }
    if (status == 404) {
      return body != null && body.toLowerCase(Locale.ROOT).contains("not found")
          ? Kind.NOT_FOUND
          : Kind.VALIDATION;
    }
    if (status == 429) {
      return Kind.RATE_LIMITED;
    }
    if (status >= 500) {
      return Kind.SERVER;
    }
    return Kind.VALIDATION;
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status, or 0 when there was no response. */
  public int status() {
    return status;
  }
}
