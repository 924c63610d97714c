package io.datamint.spark.internal.read.executor;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.api.client.ApiCallStats;
import io.datamint.spark.internal.api.client.ApiMetrics;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.core.PixelBufferPool;
import io.datamint.spark.internal.core.SpareArrays;
import io.datamint.spark.internal.decode.FrameStream;
import io.datamint.spark.internal.decode.NativeLoads;
import io.datamint.spark.internal.plan.PlannedResource;
import io.datamint.spark.internal.plan.ResourcePartition;
import io.datamint.spark.internal.schema.Columns;
import io.datamint.spark.internal.source.ResourceFileStore;
import io.datamint.spark.internal.util.SumMetric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.util.ArrowUtils;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.unsafe.types.UTF8String;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one input partition into Arrow batches. Each planned resource's file is decoded once (only
 * when the read schema has a column from it, or when resources expand into slices or frames), its
 * targets are computed, and its rows are streamed out: one, or one per slice or frame, cut from the
 * decoded arrays as the batches fill. The reader holds at most one decoded resource plus the batch
 * being built. Every failure while producing rows goes to {@link RowFailures}: bad data follows the
 * read mode (PERMISSIVE keeps the row with {@code _error}, DROPMALFORMED drops it, FAILFAST fails
 * the task naming the resource); a bug in the connector fails the task in every mode.
 */
final class ResourceBatchReader implements PartitionReader<ColumnarBatch> {

  private static final Logger LOG = LoggerFactory.getLogger(ResourceBatchReader.class);

  private final Iterator<PlannedResource> resources;

  /** The partition's resources not yet taken from {@link #resources}. */
  private int resourcesLeft;

  /** Their file bytes, or -1 when a resource's size is unknown. */
  private long fileBytesLeft;

  private final ReadSettings settings;
  private final RowAssembler assembler;
  private final ResourceLoader loader;
  private final TargetComputer targets;
  private final ResourceFileStore files;
  private final BufferAllocator allocator;
  private final ColumnarBatchBuilder builder;
  private final RowExpander expander;
  private final RowFailures failures;

  /**
   * The arrays this task decodes into, reused from resource to resource: lent while a resource's
   * rows are cut and written, taken back when the reader moves to the next resource.
   */
  private final PixelBufferPool pool;

  /** The read's decode limits, allocating from {@link #pool} on the task's thread. */
  private final DecodeLimits limits;

  private ColumnarBatch current;
  private PlannedResource pending;
  private DecodeOutcome pendingOutcome;
  private RowTargets pendingTargets;
  private RowExpander.Expansion expansion;
  private int position;
  private long filesRead;
  private long errorRows;
  private long droppedRows;
  private Cut held;

  /** The file store held open (the API's shared client) from the first batch to close(). */
  private ResourceFileStore.Retained retained;

  private long framesDecoded;
  private long framesSkipped;

  /** Time in the decoders and the bytes of the arrays they gave. */
  private long decodeNanos;

  private long nativeLoadNanos;

  private long decodedBytes;
  private long imageRows;
  private long volumeRows;
  private long videoRows;

  /** This task's API traffic, bound to the task thread while it reads. */
  private final ApiCallStats api = new ApiCallStats();

  private final boolean readsFiles;
  private final boolean streamable;
  private FrameStream stream;
  private int streamedRows;

  /** The streamed frame index below which no seek is tried again (one try per gap). */
  private int seekFrom;

  /**
   * The most bytes of decoded arrays a task keeps for reuse (with those of the resource being
   * read): a few CT slices or photos; a larger array (a whole video, a big volume) is allocated as
   * before. At the task's end they go to the executor's {@link SpareArrays#SHARED}, for its next
   * tasks.
   */
  static final long POOL_BYTES = 64L << 20;

  /** Frames looked at ahead for the next kept one, where a stream may seek. */
  private static final int MAX_SEEK_LOOKAHEAD = 1 << 16;

  ResourceBatchReader(ResourcePartition partition, DatamintReaderFactory factory) {
    this.resources = partition.resources().iterator();
    this.resourcesLeft = partition.resources().size();
    this.fileBytesLeft = fileBytes(partition.resources());
    this.settings = factory.settings();
    this.assembler = new RowAssembler(ColumnarBatchBuilder.plainSchema(factory.readSchema()));
    this.expander = factory.expander();
    this.failures = new RowFailures(settings.mode());
    this.pool =
        new PixelBufferPool(
            Math.min(POOL_BYTES, settings.limits().maxDecodedBytes()), SpareArrays.SHARED);
    this.limits = settings.limits().withPool(pool);
    this.loader =
        factory.readsFiles() || expander.expands()
            ? new ResourceLoader(factory.files(), settings, limits)
            : null;
    this.targets = factory.targets();
    this.readsFiles = factory.readsFiles();
    this.streamable = !factory.readSchema().getFieldIndex(Columns.METAINFO).isDefined();
    this.files = factory.files();
    this.allocator =
        ArrowUtils.rootAllocator()
            .newChildAllocator("datamint-partition-" + partition.index(), 0, Long.MAX_VALUE);
    this.builder =
        new ColumnarBatchBuilder(
            factory.readSchema(),
            allocator,
            TensorVectorCache.shared(),
            settings.batchSize(),
            settings.batchTensorBytes(),
            settings.maxColumnBytes(),
            2 * settings.batchTensorBytes());
  }

  /** A row of the pending resource, cut and ready to write: its expansion index and values. */
  private record Cut(int index, DecodeOutcome row) {}

  /**
   * Fills the next batch: up to {@code batch_size} rows, closing early once its tensors reach
   * {@link ReadSettings#batchTensorBytes()}, or before a row whose tensors would take a column past
   * {@link ReadSettings#maxColumnBytes()} (that row opens the next batch).
   */
  @Override
  public boolean next() {
    try (ApiCallStats.Binding binding = api.bind()) {
      return fill();
    }
  }

  private boolean fill() {
    if (retained == null) {
      retained = files.retain();
    }
    builder.reset();
    while (builder.rows() < settings.batchSize()
        && builder.tensorBytes() < settings.batchTensorBytes()) {
      if (held != null) {
        if (!place(held)) {
          break;
        }
        held = null;
        continue;
      }
      if (stream != null) {
        stream();
        if (held != null) {
          break; // the frame opens the next batch
        }
        continue;
      }
      if (pending == null || position >= expansion.indexes().length) {
        pending = null;
        if (!resources.hasNext()) {
          break;
        }
        // every row of the last resource is in Arrow (none held, its stream closed): its arrays
        // may be reused
        pendingOutcome = null;
        pendingTargets = RowTargets.NONE;
        pool.recycle();
        PlannedResource next = resources.next();
        resourcesLeft--;
        if (fileBytesLeft >= 0) {
          fileBytesLeft -= next.size();
        }
        prepare(next);
        continue;
      }
      Cut row = cutRow(expansion.indexes()[position++]);
      if (row != null && !place(row)) {
        held = row;
        break;
      }
    }
    if (builder.rows() == 0) {
      current = null;
      return false;
    }
    current = builder.build();
    return true;
  }

  /**
   * Decodes one resource (once, whatever its number of rows), computes its targets, and plans its
   * rows.
   */
  private void prepare(PlannedResource resource) {
    DecodeOutcome outcome = DecodeOutcome.NOT_READ;
    RowTargets rowTargets = RowTargets.NONE;
    RowExpander.Expansion rows;
    FrameStream frames = null;
    try {
      RowExpander.Expansion counted =
          readsFiles || !expander.expands() || targets.needsImage(resource)
              ? null
              : expander.fromMetadata(resource, settings.dataset(), targets.cutsFrameLabels());
      if (counted != null) {
        // the metadata counts the rows and nothing else needs the file
        if (targets.active()) {
          rowTargets = targets.compute(resource, null, files, limits);
        }
        rows = counted;
      } else {
        if (loader != null) {
          filesRead++;
          ResourceLoader.Fetched file = loader.fetch(resource);
          if (streamable
              && expander.streamsFrames(resource, settings.dataset())
              && !targets.needsImage(resource)) {
            long decodeStart = System.nanoTime();
            frames = loader.frames(file);
            decodeNanos += System.nanoTime() - decodeStart;
            if (frames != null
                && !expander.streamsFrames(resource, settings.dataset(), frames.frameCount())) {
              frames.close();
              frames = null;
            }
          }
          if (frames == null) {
            long decodeStart = System.nanoTime();
            try {
              outcome = loader.decode(resource, file);
            } finally {
              decodeNanos += System.nanoTime() - decodeStart;
            }
            decodedBytes += bytes(outcome.image());
          }
        }
        if (targets.active()) {
          rowTargets = targets.compute(resource, outcome.image(), files, limits);
        }
        rows =
            frames != null
                ? RowExpander.Expansion.STREAMED
                : expander.expand(resource, outcome.image(), outcome.geometry());
      }
    } catch (Throwable failure) { // RowFailures rethrows what is not bad data
      if (frames != null) {
        frames.close();
        frames = null;
      }
      String reason = failures.onFailure(resource, failure);
      if (reason == null) {
        droppedRows++;
        LOG.warn(
            "dropping resource {} ({}): {}",
            resource.resourceId(),
            resource.filename(),
            failure.getMessage());
        return;
      }
      errorRows++;
      outcome = DecodeOutcome.failed(reason);
      rowTargets = RowTargets.NONE;
      rows = RowExpander.Expansion.WHOLE;
    }
    pending = resource;
    pendingOutcome = outcome;
    pendingTargets = rowTargets;
    expansion = rows;
    position = 0;
    stream = frames;
    streamedRows = 0;
    seekFrom = 0;
  }

  /**
   * Takes the next frame of the pending resource's frame stream: decodes and converts it into a row
   * when the index filter keeps it, decodes it without converting it otherwise, and ends the stream
   * after its last frame or the filter's last kept frame. At a frame the filter does not keep, the
   * stream first seeks to the next kept one (once per gap; frames decoded on the way count as
   * skipped): a video with a reliable index jumps to the key frame before it, a DICOM file there. A
   * failure decoding a frame ends the stream there: the rows before it stay, the failure is a row
   * of its own (at the frame's index), or the resource's one row when it gave no frame.
   */
  private void stream() {
    int index = stream.position();
    if (index > expander.filter().lastFrame()) {
      endStream();
      return;
    }
    PixelArray frame = null;
    long decodeStart = System.nanoTime();
    try {
      if (index >= seekFrom && !expander.filter().keeps(null, index)) {
        int next = nextKeptFrame(index);
        seekFrom = next; // once per gap: a stream that cannot seek skips frame by frame
        if (next > index + 1) {
          framesSkipped += stream.seek(next);
          return;
        }
      }
      if (expander.filter().keeps(null, index)) {
        frame = stream.next();
        if (frame == null) {
          endStream();
        } else {
          framesDecoded++;
          decodedBytes += bytes(frame);
        }
      } else if (stream.skip()) {
        framesSkipped++;
        return;
      } else {
        endStream();
      }
      if (frame == null && index == 0) {
        throw new DecodeException("the video stream has no decodable frame");
      }
    } catch (Throwable failure) { // RowFailures rethrows what is not bad data
      if (stream != null) {
        endStream();
      }
      // the frame's own row, or, before any row, the resource's
      failStreamed(streamedRows == 0 ? -1 : index, failure);
      return;
    } finally {
      decodeNanos += System.nanoTime() - decodeStart;
    }
    if (frame == null) {
      return;
    }
    streamedRows++;
    DecodeOutcome row;
    try {
      Map<String, Object> values =
          new HashMap<>(pendingTargets.values(new AxisCut(1, index, limits)));
      values.putAll(indexes(index));
      row = new DecodeOutcome(frame, null, stream.affine(), null, null, values);
    } catch (Throwable failure) { // RowFailures rethrows what is not bad data
      failStreamed(index, failure);
      return;
    }
    Cut cut = new Cut(index, row);
    if (!place(cut)) {
      held = cut; // the next batch opens with it
    }
  }

  /**
   * The first frame after {@code index} that the filter keeps, from its {@link
   * RowIndexFilter#firstFrame()} on and up to its last frame, looked for over a bounded number of
   * frames (the last one looked at when none is kept there).
   */
  private int nextKeptFrame(int index) {
    RowIndexFilter filter = expander.filter();
    int from = Math.max(index + 1, filter.firstFrame());
    long to = Math.min((long) filter.lastFrame(), (long) from + MAX_SEEK_LOOKAHEAD);
    int f = from;
    while (f < to && !filter.keeps(null, f)) {
      f++;
    }
    return f;
  }

  /** A failure of the streamed resource at {@code index} (-1: the whole resource). */
  private void failStreamed(int index, Throwable failure) {
    String reason = failures.onFailure(pending, failure);
    if (reason == null) {
      droppedRows++;
      LOG.warn(
          "dropping {} of resource {} ({}): {}",
          index < 0 ? "the rows" : "frame " + index,
          pending.resourceId(),
          pending.filename(),
          failure.getMessage());
      return;
    }
    errorRows++;
    RowExpander.Expansion streamed = expansion;
    expansion = index < 0 ? RowExpander.Expansion.WHOLE : streamed;
    DecodeOutcome row = DecodeOutcome.failed(reason).withTargets(indexes(index));
    expansion = streamed;
    try {
      builder.add(assembler.assemble(pending, row), row::tensor, 1);
    } catch (Throwable writeFailure) {
      throw failures.onWriteFailure(pending, writeFailure);
    }
    countRow();
  }

  /**
   * Closes the stream; the pending resource stays for a failure row, then {@link #next()} moves on.
   */
  private void endStream() {
    stream.close();
    stream = null;
    expansion = RowExpander.Expansion.STREAMED; // no index left: the next resource comes
    position = 0;
  }

  /**
   * The row at {@code index} of the pending resource's expansion (-1: the whole resource), or null
   * when it is dropped. A row that cannot be cut is that row's failure (the resource's other rows
   * stay).
   */
  private Cut cutRow(int index) {
    try {
      return new Cut(index, cut(index));
    } catch (Throwable failure) { // RowFailures rethrows what is not bad data
      return failed(index, failure);
    }
  }

  /** The failure of the row at {@code index}: its error row, or null when the mode drops it. */
  private Cut failed(int index, Throwable failure) {
    String reason = failures.onFailure(pending, failure);
    if (reason == null) {
      droppedRows++;
      LOG.warn(
          "dropping row {} of resource {} ({}): {}",
          index,
          pending.resourceId(),
          pending.filename(),
          failure.getMessage());
      return null;
    }
    errorRows++;
    return new Cut(index, DecodeOutcome.failed(reason).withTargets(indexes(index)));
  }

  /**
   * Appends a row of the pending resource; false, writing nothing, when its tensors do not fit in
   * what is left of this batch. A tensor that fits in no batch is the row's failure. A failure
   * writing it into Arrow is a bug.
   */
  private boolean place(Cut cut) {
    String tooLarge = builder.tooLarge(cut.row()::tensor);
    if (tooLarge != null) {
      cut = failed(cut.index(), new DecodeException(tooLarge));
      if (cut == null) {
        return true;
      }
    }
    if (builder.rows() > 0 && !builder.fits(cut.row()::tensor)) {
      return false;
    }
    DecodeOutcome row = cut.row();
    try {
      builder.add(assembler.assemble(pending, row), row::tensor, rowsExpected());
    } catch (Throwable failure) {
      throw failures.onWriteFailure(pending, failure);
    }
    countRow();
    return true;
  }

  /**
   * The rows like the one being placed still to come in this partition, that one included: the
   * pending resource's rows from it on (its expansion's, or a frame stream's frames when the file
   * declares their number, else one), and as many again per resource left, weighed by their file
   * bytes against the pending one's where the sizes are known. An estimate for sizing a batch's
   * buffers, never a bound.
   */
  private long rowsExpected() {
    long perResource;
    long inResource;
    if (stream != null) {
      int frames = stream.frameCount();
      perResource = Math.max(1, frames);
      inResource = frames > 0 ? Math.max(1, frames - stream.position() + 1) : 1;
    } else {
      perResource = Math.max(1, expansion.indexes().length);
      inResource = Math.max(1, expansion.indexes().length - position + 1);
    }
    double others = resourcesLeft;
    Long size = pending.size();
    if (fileBytesLeft >= 0 && size != null && size > 0) {
      others = (double) fileBytesLeft / size;
    }
    return inResource + (long) Math.min(Integer.MAX_VALUE, Math.ceil(others * perResource));
  }

  /** The resources' file bytes in all, or -1 when one's size is unknown. */
  private static long fileBytes(List<PlannedResource> resources) {
    long bytes = 0;
    for (PlannedResource resource : resources) {
      if (resource.size() == null || resource.size() < 0) {
        return -1;
      }
      bytes += resource.size();
    }
    return bytes;
  }

  /** Counts a row of the pending resource under its kind. */
  private void countRow() {
    switch (pending.kind()) {
      case DICOM, NIFTI, VOLUME -> volumeRows++;
      case VIDEO -> videoRows++;
      default -> imageRows++;
    }
  }

  private static long bytes(PixelArray array) {
    return array == null ? 0 : array.elementCount() * array.dtype().itemSize();
  }

  /**
   * The row at {@code index} of the pending resource, cut out of its decoded arrays and targets.
   */
  private DecodeOutcome cut(int index) {
    RowTargets.Cut cut =
        index < 0 ? RowTargets.WHOLE : new AxisCut(expansion.axis(), index, limits);
    DecodeOutcome whole = pendingOutcome;
    Map<String, Object> values = new HashMap<>(pendingTargets.values(cut));
    values.putAll(indexes(index));
    PixelArray image = whole.image() == null ? null : cut.image(whole.image());
    return new DecodeOutcome(
        image,
        settings.returnMetainfo() ? whole.metainfo() : null,
        whole.affine(),
        whole.geometry(),
        whole.error(),
        values);
  }

  /**
   * The slice and frame columns of the row at {@code index} of the pending expansion (null values
   * allowed).
   */
  private Map<String, Object> indexes(int index) {
    Map<String, Object> values = new HashMap<>();
    values.put(Columns.SLICE_INDEX, expansion.sliceIndex(index));
    values.put(
        Columns.SLICE_AXIS,
        expansion.sliceAxis() == null || index < 0
            ? null
            : UTF8String.fromString(expansion.sliceAxis()));
    values.put(Columns.FRAME_INDEX, expansion.frameIndex(index));
    return values;
  }

  /** The task's array pool. */
  PixelBufferPool pool() {
    return pool;
  }

  @Override
  public ColumnarBatch get() {
    return current;
  }

  @Override
  public CustomTaskMetric[] currentMetricsValues() {
    nativeLoadNanos += NativeLoads.takePending();
    List<CustomTaskMetric> values = new ArrayList<>(Arrays.asList(readValues()));
    values.addAll(Arrays.asList(ApiMetrics.values(api)));
    return values.toArray(new CustomTaskMetric[0]);
  }

  private CustomTaskMetric[] readValues() {
    return new CustomTaskMetric[] {
      SumMetric.value(ReadTaskMetrics.FILES_READ, filesRead),
      SumMetric.value(ReadTaskMetrics.BYTES_READ, loader == null ? 0 : loader.bytesRead()),
      SumMetric.value(ReadTaskMetrics.ERROR_ROWS, errorRows),
      SumMetric.value(ReadTaskMetrics.DROPPED_ROWS, droppedRows),
      SumMetric.value(ReadTaskMetrics.FRAMES_DECODED, framesDecoded),
      SumMetric.value(ReadTaskMetrics.FRAMES_SKIPPED, framesSkipped),
      SumMetric.value(ReadTaskMetrics.DECODE_NANOS, decodeNanos),
      SumMetric.value(ReadTaskMetrics.NATIVE_LOAD_NANOS, nativeLoadNanos),
      SumMetric.value(ReadTaskMetrics.DECODED_BYTES, decodedBytes),
      SumMetric.value(ReadTaskMetrics.IMAGE_ROWS, imageRows),
      SumMetric.value(ReadTaskMetrics.VOLUME_ROWS, volumeRows),
      SumMetric.value(ReadTaskMetrics.VIDEO_ROWS, videoRows)
    };
  }

  @Override
  public void close() {
    current = null;
    try {
      if (stream != null) {
        stream.close();
        stream = null;
      }
      builder.close();
      allocator.close();
      // no row is read from the decoded arrays any more: they go to the executor's next tasks
      pool.recycle();
      pool.close();
    } finally {
      if (retained != null) {
        retained.close();
        retained = null;
      }
    }
  }
}
