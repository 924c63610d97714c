package io.datamint.spark.internal.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.internal.server.MirrorIndex.Located;
import io.datamint.spark.internal.source.mirror.MirrorLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /resources} (the SDK's {@code resources.get_list}), {@code GET /resources/{id}} and
 * {@code GET /resources/{id}/file} (with single-range {@code Range} support).
 */
final class ResourceEndpoints {

  private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  private final MirrorIndex index;

  ResourceEndpoints(MirrorIndex index) {
    this.index = index;
  }

  /**
   * The resources of every project (projects in root order, each in resources.jsonl order) that
   * pass the filters, paged by {@code offset}/{@code limit}, in the API's envelope {@code {"data":
   * [{"resources": [...]}], "totalCount": N}} (N counts all that pass). Filters: {@code status}
   * ({@code ""} for all), {@code project} and {@code tags} as the SDK sends them ({@code {"items":
   * [...], "filterType": "intersection"|"union"}}; a resource's projects are its mirror's project
   * and those named in its {@code projects} field), {@code filename}, {@code modality}, {@code
   * mimetype} (exact). Any other parameter is unsupported (400).
   */
  ApiResponse list(ApiRequest request, List<String> params) {
    request.onlyParams(ResourceFilter.PARAMS);
    ResourceFilter filter = ResourceFilter.of(request);
    long offset = request.intParam("offset", 0);
    long limit = request.intParam("limit", Long.MAX_VALUE);
    ObjectNode body = Json.MAPPER.createObjectNode();
    ArrayNode page = body.putArray("data").addObject().putArray("resources");
    long total = 0;
    for (MirrorIndex.MirrorProject p : index.projects()) {
      ResourceLines lines = p.resources();
      for (int i = 0; i < lines.size(); i++) {
        ObjectNode r = lines.node(i);
        if (!filter.accepts(Json.text(p.project(), "name"), r)) {
          continue;
        }
        if (total >= offset && page.size() < limit) {
          page.add(r);
        }
        total++;
      }
    }
    body.put("totalCount", total);
    return ApiResponse.json(200, body);
  }

  /** The resource object, bare. */
  ApiResponse get(ApiRequest request, List<String> params) {
    return ApiResponse.json(200, index.resource(params.get(0)).node());
  }

  /** The resource's bytes, typed by its mimetype. */
  ApiResponse file(ApiRequest request, List<String> params) {
    Located r = index.resource(params.get(0));
    Path file =
        r.project()
            .dir()
            .resolve(MirrorLayout.RESOURCE_FILES)
            .resolve(fileName("resource", params.get(0)));
    if (!Files.isRegularFile(file)) {
      throw ApiException.notFound("file of resource " + params.get(0));
    }
    return fileResponse(request, file, Json.text(r.node(), "mimetype"));
  }

  /**
   * A file answer: 200 with the whole file, or 206 with one {@code Range} ({@code bytes=a-b},
   * {@code bytes=a-}, {@code bytes=-n}); 416 when the range is outside the file. A null mimetype is
   * sniffed (PNG) or {@code application/octet-stream}.
   */
  /** An id as a file name of the mirror; an id that cannot be one has no file (404). */
  static String fileName(String what, String id) {
    try {
      return MirrorLayout.checkedFileName(what, id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("file of " + what + " " + id);
    }
  }

  static ApiResponse fileResponse(ApiRequest request, Path file, String mimetype) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String type = mimetype != null && !mimetype.isBlank() ? mimetype : sniff(file);
    String range = request.header("Range");
    if (range != null) {
      Matcher m = RANGE.matcher(range.trim());
      if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
        long start;
        long end;
        if (m.group(1).isEmpty()) {
          long suffix = Long.parseLong(m.group(2));
          start = Math.max(0, size - suffix);
          end = size - 1;
        } else {
          start = Long.parseLong(m.group(1));
          end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        }
        if (start >= size || end < start) {
          return ApiResponse.error(
                  416, "range " + range + " is outside the file of " + size + " bytes")
              .header("Content-Range", "bytes */" + size);
        }
        return ApiResponse.file(206, type, file, start, end - start + 1)
            .header("Content-Range", "bytes " + start + "-" + end + "/" + size)
            .header("Accept-Ranges", "bytes");
      }
    }
    return ApiResponse.file(200, type, file, 0, size).header("Accept-Ranges", "bytes");
  }

  private static String sniff(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(4);
      if (head.length == 4
          && (head[0] & 0xff) == 0x89
          && head[1] == 'P'
          && head[2] == 'N'
          && head[3] == 'G') {
        return "image/png";
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "application/octet-stream";
  }
}
