package io.liangshai.launcher;

import io.liangshai.problems.PlantedProblems;
import java.util.Random;

/**
 * What a case of a generated feed with common problems states ({@code generate --common-problems}):
 * its planted problem (null for a one-off matter) and its description.
 */
record PlantedTopic(PlantedProblems.Problem problem, String description) {

  /** The short fixed topics of a feed without planted problems. */
  static final String[] FIXED = {
    "企业反映用地审批进度慢", "企业反映证照办理", "企业咨询惠企政策兑现", "企业反映融资难",
    "企业反映用工招聘困难", "企业反映水电气接入", "企业反映项目审批", "企业反映知识产权保护"
  };

  /**
   * The topic and description of the case numbered {@code index} (the base-36 part of its {@code
   * case_id} after the tenant code) in the feed of {@code seed} with {@code percent} planted.
   */
  static PlantedTopic of(long seed, long index, int percent) {
    Random r = new Random(seed * 1_000_003L + index);
    if (r.nextInt(100) < percent) {
      PlantedProblems.Problem p =
          PlantedProblems.PROBLEMS.get(r.nextInt(PlantedProblems.PROBLEMS.size()));
      return new PlantedTopic(p, PlantedProblems.describe(p, r));
    }
    return new PlantedTopic(null, PlantedProblems.oneOff(r));
  }
}
