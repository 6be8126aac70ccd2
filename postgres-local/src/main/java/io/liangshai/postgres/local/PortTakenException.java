package io.liangshai.postgres.local;

/** The postmaster could not bind its port: another program took it first. */
final class PortTakenException extends LocalPostgresException {

  PortTakenException(String message) {
    super(message);
  }
}
