package io.liangshai.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoleTest {

  @ParameterizedTest
  @CsvSource({"ALL, true, true", "API, true, false", "JOB, false, true"})
  void servesHttpAndRunsTheJobAsItsNameSays(Role role, boolean servesHttp, boolean runsJob) {
    assertThat(role.servesHttp()).as("%s serves HTTP", role).isEqualTo(servesHttp);
    assertThat(role.runsJob()).as("%s runs the job", role).isEqualTo(runsJob);
  }

  @ParameterizedTest
  @CsvSource({"ALL, all", "API, api", "JOB, job"})
  void printsAsWrittenOnTheCommandLine(Role role, String written) {
    assertThat(role).hasToString(written);
  }
}
