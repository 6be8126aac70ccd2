package io.liangshai.local.process;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChildProcessTest {

  @Test
  void aClassPathNotResolvedByTheBuildFailsWithTheCallersException() {
    assertThatThrownBy(
            () ->
                ChildProcess.resolvedClassPath(
                    ChildProcessTest.class,
                    "/io/liangshai/local/process/no-such-classpath",
                    IllegalStateException::new))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "the class path in /io/liangshai/local/process/no-such-classpath is missing (the"
                + " module that writes it not built)");
  }
}
