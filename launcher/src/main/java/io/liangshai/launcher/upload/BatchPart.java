package io.liangshai.launcher.upload;

import java.nio.file.Path;

/**
 * One batch cut from an input file.
 *
 * @param index 0-based position in the file
 * @param file the part's body, in a temporary directory
 * @param contentType how to send it
 * @param firstRow the file's data row number of the part's first row (1-based, header excluded)
 * @param rows data rows in the part
 * @param sha256 the part's checksum, which a re-run compares with what it sent before
 */
public record BatchPart(
    int index, Path file, String contentType, long firstRow, int rows, String sha256) {}
