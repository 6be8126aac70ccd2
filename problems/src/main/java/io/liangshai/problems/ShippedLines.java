package io.liangshai.problems;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a text resource shipped beside this package's classes: stripped, without blank lines
 * and {@code #} comments.
 */
final class ShippedLines {

  private ShippedLines() {}

  /** The content lines of resource {@code name}; fails loudly when it is not on the classpath. */
  static List<String> of(String name) {
    List<String> lines = new ArrayList<>();
    try (InputStream in = ShippedLines.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String l = line.strip();
        if (!l.isEmpty() && !l.startsWith("#")) {
          lines.add(l);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("read " + name, e);
    }
    return lines;
  }
}
