package io.liangshai.tenants;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a registry CSV in the format of {@code zhejiang-tenants.csv}: header {@code
 * code,name,level,parent_code,groups}, groups separated by {@code ;}. Any province's list in this
 * format loads.
 */
public final class TenantRegistryLoader {

  /** The registry shipped with the platform: Zhejiang's 102 tenants. */
  public static final String DEFAULT_RESOURCE = "/tenants/zhejiang-tenants.csv";

  private static final Set<String> HEADER =
      Set.of("code", "name", "level", "parent_code", "groups");

  private TenantRegistryLoader() {}

  public static TenantRegistry loadDefault() {
    try (InputStream in = TenantRegistryLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("registry resource " + DEFAULT_RESOURCE + " is missing");
      }
      return load(new InputStreamReader(in, StandardCharsets.UTF_8), DEFAULT_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file at {@code path} when given, else the shipped default. */
  public static TenantRegistry loadFileOrDefault(Optional<Path> path) {
    if (path.isEmpty()) {
      return loadDefault();
    }
    try (Reader reader = Files.newBufferedReader(path.get(), StandardCharsets.UTF_8)) {
      return load(reader, path.get().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read tenant registry " + path.get(), e);
    }
  }

  public static TenantRegistry load(Reader reader, String source) throws IOException {
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .build();
    List<Tenant> tenants = new ArrayList<>();
    try (var parser = format.parse(reader)) {
      List<String> header =
          parser.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "")).toList();
      if (!Set.copyOf(header).equals(HEADER)) {
        throw new IllegalArgumentException(
            source + ": header must be code,name,level,parent_code,groups, got " + header);
      }
      for (CSVRecord row : parser) {
        tenants.add(parse(row, header, source));
      }
    }
    try {
      return new TenantRegistry(tenants);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static Tenant parse(CSVRecord row, List<String> header, String source) {
    try {
      String parent = row.get(header.indexOf("parent_code"));
      String groups = row.get(header.indexOf("groups"));
      return new Tenant(
          row.get(header.indexOf("code")),
          row.get(header.indexOf("name")),
          TenantLevel.fromWireName(row.get(header.indexOf("level"))),
          parent.isBlank() ? Optional.empty() : Optional.of(parent),
          groups.isBlank()
              ? List.of()
              : Arrays.stream(groups.split(";"))
                  .map(String::trim)
                  .filter(g -> !g.isEmpty())
                  .toList());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          source + " line " + (row.getRecordNumber() + 1) + ": " + e.getMessage(), e);
    }
  }
}
