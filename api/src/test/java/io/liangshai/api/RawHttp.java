package io.liangshai.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, for what a polite client cannot send: malformed percent-escapes,
 * headers that never end, bodies that stall half-way.
 */
final class RawHttp implements AutoCloseable {

  /** A response read to the end of the connection. */
  record Response(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final Socket socket;

  RawHttp(int port, int readTimeoutMillis) throws IOException {
    socket = new Socket(ApiTestServer.HOST, port);
    socket.setSoTimeout(readTimeoutMillis);
  }

  /** Sends {@code text} as it is (ISO-8859-1: the bytes of the request head). */
  RawHttp send(String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return this;
  }

  /** A GET of {@code target} exactly as written, with {@code Connection: close}. */
  static Response get(int port, String target, String key) throws IOException {
    try (RawHttp http = new RawHttp(port, 10_000)) {
      return http.send(
              "GET "
                  + target
                  + " HTTP/1.1\r\nHost: localhost\r\n"
                  + (key == null ? "" : "Authorization: Bearer " + key + "\r\n")
                  + "Connection: close\r\n\r\n")
          .readResponse();
    }
  }

  /** The head of a CSV upload of {@code contentLength} bytes, the body still to be sent. */
  static String uploadHead(String key, int contentLength) {
    return "POST /api/v1/cases HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
        + key
        + "\r\nContent-Type: text/csv\r\nContent-Length: "
        + contentLength
        + "\r\n\r\n";
  }

  /** Reads until the server closes the connection; parses status line, headers and body. */
  Response readResponse() throws IOException {
    String text = new String(readAll(), StandardCharsets.UTF_8);
    int headEnd = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/1.1 ") || headEnd < 0) {
      throw new IOException("not an HTTP response: '" + text + "'");
    }
    String[] lines = text.substring(0, headEnd).split("\r\n");
    Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).strip());
    }
    return new Response(
        Integer.parseInt(lines[0].substring(9, 12)), headers, text.substring(headEnd + 4));
  }

  /** True when the server closed the connection before the read timeout, having sent nothing. */
  boolean closedByServer() throws IOException {
    try {
      return socket.getInputStream().read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset
    }
  }

  /** What the server has sent so far, waiting at most {@code waitMillis} for a first byte. */
  String answeredSoFar(int waitMillis) throws IOException {
    int timeout = socket.getSoTimeout();
    socket.setSoTimeout(waitMillis);
    try {
      InputStream in = socket.getInputStream();
      byte[] chunk = new byte[8192];
      int n = in.read(chunk);
      return n < 0 ? "(closed, nothing sent)" : new String(chunk, 0, n, StandardCharsets.UTF_8);
    } catch (SocketTimeoutException e) {
      return "(nothing yet)";
    } catch (IOException e) {
      return "(" + e + ")";
    } finally {
      socket.setSoTimeout(timeout);
    }
  }

  private byte[] readAll() throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    try {
      for (int n; (n = in.read(chunk)) != -1; ) {
        all.write(chunk, 0, n);
      }
    } catch (IOException e) {
      if (all.size() == 0) {
        throw e;
      }
    }
    return all.toByteArray();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
