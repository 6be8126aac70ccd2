package io.liangshai.core.warning;

import java.time.Instant;
import java.util.Objects;

/**
 * A risk model's held-out quality and training window ({@code GET /api/v1/warnings/model}); all
 * null and {@code cases} 0 while no model is trained and the prior answers.
 *
 * @param auc area under the ROC curve on the held-out cases
 * @param brier mean squared error of the probabilities on the held-out cases
 * @param baseRate the share of held-out cases that missed their deadline
 * @param trainedFrom the earliest deadline among the training cases
 * @param trainedTo the latest deadline among the training cases
 * @param cases the cases the model learned from (0 for the prior)
 * @param prior one sentence stating the prior that answers without a trained model
 */
public record ModelReport(
    Double auc,
    Double brier,
    Double baseRate,
    Instant trainedAt,
    Instant trainedFrom,
    Instant trainedTo,
    long cases,
    String prior) {

  public ModelReport {
    Objects.requireNonNull(prior, "prior");
    if (cases < 0) {
      throw new IllegalArgumentException("cases must be ≥ 0, found " + cases);
    }
  }

  /** The report of an untrained model: only the prior. */
  public static ModelReport untrained(String prior) {
    return new ModelReport(null, null, null, null, null, null, 0, prior);
  }
}
