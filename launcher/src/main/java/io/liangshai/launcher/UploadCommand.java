package io.liangshai.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import io.liangshai.launcher.upload.BatchPart;
import io.liangshai.launcher.upload.BatchSplitter;
import io.liangshai.launcher.upload.RowErrorReport;
import io.liangshai.launcher.upload.UploadClient;
import io.liangshai.launcher.upload.UploadState;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bin/liangshai upload --key K FILE…}: a city's or county's files into the platform, cut
 * into batches, with a progress bar; resumable, since parts the server already has are skipped; row
 * errors printed as a table and written to {@code FILE.errors.csv}.
 */
@Command(
    name = "upload",
    mixinStandardHelpOptions = true,
    description = {
      "Uploads case files (.csv in UTF-8 or GBK, .jsonl, .json, .xlsx) with a tenant's key.",
      "Large files are cut into batches; FILE.upload.json remembers what was sent, so running",
      "the same command again sends only what the server does not have yet. Row errors are",
      "printed and written to FILE.errors.csv (row = the file's data row, header excluded)."
    })
public class UploadCommand implements Callable<Integer> {

  @Option(names = "--key", required = true, description = "the tenant's API key")
  String key;

  @Option(names = "--url", description = "the platform's address (default ${DEFAULT-VALUE})")
  String url = "http://127.0.0.1:8080";

  @Option(
      names = "--rows-per-batch",
      description =
          "rows per batch (default ${DEFAULT-VALUE}; the server refuses more than 200000)")
  int rowsPerBatch = 50_000;

  @Option(names = "--no-progress", description = "no progress bar (for scripts and logs)")
  boolean noProgress;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "files to upload")
  List<Path> files;

  PrintStream out = System.out;

  @Override
  public Integer call() throws Exception {
    UploadClient client = new UploadClient(url, key);
    int failed = 0;
    for (Path file : files) {
      try {
        upload(client, file);
      } catch (UploadClient.UploadRefusedException e) {
        out.printf("%s: refused (%d): %s%n", file, e.status(), e.getMessage());
        failed++;
        if (e.status() == 401 || e.status() == 403) {
          return 2;
        }
      } catch (IOException | io.liangshai.ingest.UnparseableBatchException e) {
        out.printf("%s: %s%n", file, e.getMessage());
        failed++;
      }
    }
    return failed == 0 ? 0 : 1;
  }

  private void upload(UploadClient client, Path file) throws Exception {
    if (!Files.isRegularFile(file)) {
      throw new IOException("no such file");
    }
    Path work = Files.createTempDirectory("liangshai-upload-");
    try {
      List<BatchPart> parts = new BatchSplitter(rowsPerBatch, work).split(file);
      UploadState state = UploadState.load(file, url);
      RowErrorReport errors = new RowErrorReport();
      long rows = parts.stream().mapToLong(BatchPart::rows).sum();
      int[] totals = new int[4]; // accepted, ignored, rejected, skipped parts
      try (ProgressBar bar = progress(file, rows)) {
        for (BatchPart part : parts) {
          var sent = state.find(part.sha256());
          var onServer =
              sent.isPresent()
                  ? client.batch(sent.get().batchId())
                  : java.util.Optional.<JsonNode>empty();
          JsonNode result;
          if (onServer.isPresent()) {
            result = onServer.get();
            totals[3]++;
          } else {
            result = client.send(part);
            state.record(
                new UploadState.Sent(
                    part.sha256(),
                    result.get("batch_id").asText(),
                    result.get("accepted").asInt(),
                    result.get("ignored").asInt(),
                    result.get("rejected").asInt()));
          }
          for (JsonNode e : allErrors(client, result)) {
            errors.add(RowErrorReport.RowError.of(part.firstRow() + e.get("row").asLong() - 1, e));
          }
          totals[0] += result.get("accepted").asInt();
          totals[1] += result.get("ignored").asInt();
          totals[2] += result.get("rejected").asInt();
          if (bar != null) {
            bar.stepBy(part.rows());
          }
        }
      }
      out.printf(
          "%s: %d rows in %d batch%s — %d accepted, %d ignored (already there), %d rejected%s%n",
          file,
          rows,
          parts.size(),
          parts.size() == 1 ? "" : "es",
          totals[0],
          totals[1],
          totals[2],
          totals[3] > 0
              ? "; " + totals[3] + " batch(es) already on the server, not sent again"
              : "");
      errors.write(file);
      if (!errors.errors().isEmpty()) {
        errors.print(out, 20);
        out.printf("  all row errors: %s%n", RowErrorReport.fileFor(file));
      }
    } finally {
      TempDirs.deleteTree(work);
    }
  }

  /** The errors of a batch answer, downloaded whole when the answer lists only the first. */
  private static JsonNode allErrors(UploadClient client, JsonNode result)
      throws IOException, InterruptedException {
    JsonNode listed = result.get("errors");
    int total = result.path("errors_total").asInt(listed.size());
    return total > listed.size() ? client.errors(result.get("batch_id").asText()) : listed;
  }

  private ProgressBar progress(Path file, long rows) {
    if (noProgress) {
      return null;
    }
    return new ProgressBarBuilder()
        .setTaskName(file.getFileName().toString())
        .setInitialMax(rows)
        .setUnit(" rows", 1)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .build();
  }
}
