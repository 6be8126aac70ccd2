package io.liangshai.api;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes a connection that has no request in progress for so long ({@code
 * LIANGSHAI_IDLE_TIMEOUT_SECONDS}): one kept alive and forgotten, and one whose request headers
 * never complete (slowloris), since a request counts from its complete headers. Unlike Vert.x's own
 * idle timeout, it never cuts a request whose answer is still being computed (a long ingest sends
 * nothing either way until its answer).
 */
final class IdleConnections implements Handler<RoutingContext> {

  private final Vertx vertx;
  private final long idleMillis;
  private final Map<HttpConnection, State> states = new ConcurrentHashMap<>();

  /** Touched only on the connection's event loop. */
  private static final class State {
    long timer = -1;
    int inFlight;
  }

  IdleConnections(Vertx vertx, int idleSeconds) {
    if (idleSeconds < 1) {
      throw new IllegalArgumentException(
          "the idle timeout must be at least 1 s, got " + idleSeconds);
    }
    this.vertx = vertx;
    this.idleMillis = idleSeconds * 1000L;
  }

  /** The server's connection handler. */
  void connected(HttpConnection connection) {
    State state = new State();
    states.put(connection, state);
    arm(connection, state);
    connection.closeHandler(
        v -> {
          State s = states.remove(connection);
          if (s != null) {
            vertx.cancelTimer(s.timer);
          }
        });
  }

  /** The route table's first handler: a request is in progress until its answer ends. */
  @Override
  public void handle(RoutingContext ctx) {
    HttpConnection connection = ctx.request().connection();
    State state = connection == null ? null : states.get(connection);
    if (state != null) {
      state.inFlight++;
      vertx.cancelTimer(state.timer);
      ctx.addEndHandler(
          done -> {
            if (--state.inFlight == 0) {
              arm(connection, state);
            }
          });
    }
    ctx.next();
  }

  private void arm(HttpConnection connection, State state) {
    state.timer =
        vertx.setTimer(
            idleMillis,
            id -> {
              if (state.inFlight == 0) {
                connection.close();
              }
            });
  }
}
