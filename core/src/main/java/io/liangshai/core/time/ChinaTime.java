package io.liangshai.core.time;

import java.time.ZoneId;

/** The time zone every period, working day and derived deadline is reckoned in. */
public final class ChinaTime {

  /** Asia/Shanghai (Beijing time, UTC+8 all year). */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private ChinaTime() {}
}
