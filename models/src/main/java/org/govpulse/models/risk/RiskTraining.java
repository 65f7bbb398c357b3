package org.govpulse.models.risk;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains and evaluates the target-risk classifier on replayed years. The earlier half of the years trains, the later
 * half tests (held-out periods); the error correlation of the forecast distribution is chosen on the training years
 * by Brier score. Reports calibration (Brier, reliability) and discrimination (AUC) of the forecast distribution,
 * the classifier and the naive rule, measured the same way on the same held-out assessments.
 */
public final class RiskTraining {
  /** Correlations tried for the annual distribution. */
  public static final double[] RHOS = {0.0, 0.25, 0.5, 0.75, 1.0};

  /** Names of the ways of predicting compared on held-out years. */
  public static final String DISTRIBUTION = "forecast distribution";
  public static final String CLASSIFIER = "classifier (Tribuo)";
  public static final String BLEND = "mean of both";
  public static final String NAIVE = "naive year-to-date pace";

  /** Scores of one way of predicting misses on the held-out assessments. */
  public record Scores(String name, double brier, double auc, List<ProbabilityScores.Bin> reliability) {}

  /** The evaluation, and the classifier retrained on every year for production use. */
  public record Outcome(List<Integer> trainYears, List<Integer> testYears, int trainExamples, int testExamples,
      double missRate, double rho, List<Scores> scores, Model<Label> model) {

    /**
     * The way GovPulse uses from now on: the distribution, the classifier or their mean, whichever had the lowest
     * Brier score on the held-out years (the naive rule is a reference, never chosen).
     */
    public String chosen() {
      return scores.stream().filter(s -> !s.name().equals(NAIVE)).min(java.util.Comparator.comparingDouble(
          Scores::brier)).orElseThrow().name();
    }

    /** The scores of one way. */
    public Scores scores(String name) {
      return scores.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** A readable table of the scores. */
    public String report() {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
          "target risk: trained on %s (%d assessments), tested on %s (%d assessments, %.0f%% missed), rho=%.2f%n",
          trainYears, trainExamples, testYears, testExamples, 100 * missRate, rho));
      sb.append(String.format(Locale.ROOT, "%-26s %8s %8s%n", "method", "Brier", "AUC"));
      for (Scores s : scores) {
        sb.append(String.format(Locale.ROOT, "%-26s %8.4f %8.3f%n", s.name(), s.brier(), s.auc()));
      }
      for (Scores s : scores) {
        sb.append("reliability of ").append(s.name()).append(": ");
        for (ProbabilityScores.Bin b : s.reliability()) {
          sb.append(String.format(Locale.ROOT, "[%.1f-%.1f n=%d pred %.2f obs %.2f] ", b.from(), b.to(), b.count(),
              b.meanPredicted(), b.observed()));
        }
        sb.append('\n');
      }
      sb.append("used from now on: ").append(chosen());
      return sb.toString();
    }
  }

  private final long seed;

  public RiskTraining(long seed) {
    this.seed = seed;
  }

  public Outcome train(List<RiskBacktest.Example> examples) {
    List<Integer> years = examples.stream().map(RiskBacktest.Example::year).distinct().sorted().toList();
    if (years.size() < 2) {
      throw org.govpulse.core.error.Errors.invalidInput("The target-risk classifier needs at least two past years",
          "the replay produced assessments for " + years, "Ingest more history (reports from at least three years)");
    }
    int split = years.size() / 2;
    List<Integer> trainYears = years.subList(0, split);
    List<Integer> testYears = years.subList(split, years.size());
    List<RiskBacktest.Example> train = examples.stream().filter(e -> trainYears.contains(e.year())).toList();
    double rho = chooseRho(train);
    List<RiskBacktest.Example> all = examples.stream().map(e -> e.withRho(rho)).toList();
    train = all.stream().filter(e -> trainYears.contains(e.year())).toList();
    List<RiskBacktest.Example> test = all.stream().filter(e -> testYears.contains(e.year())).toList();
    RiskClassifier held = new RiskClassifier(fit(train), "evaluation");
    boolean[] y = new boolean[test.size()];
    double[] dist = new double[test.size()];
    double[] cls = new double[test.size()];
    double[] naive = new double[test.size()];
    for (int i = 0; i < test.size(); i++) {
      RiskBacktest.Example e = test.get(i);
      y[i] = e.missed();
      dist[i] = e.features().distributionProbability();
      cls[i] = held.probabilityMiss(e.features());
      naive[i] = e.naiveMiss() ? 1 : 0;
    }
    double[] blend = new double[test.size()];
    for (int i = 0; i < blend.length; i++) {
      blend[i] = (dist[i] + cls[i]) / 2;
    }
    List<Scores> scores = List.of(score(DISTRIBUTION, dist, y), score(CLASSIFIER, cls, y), score(BLEND, blend, y),
        score(NAIVE, naive, y));
    double missRate = test.stream().filter(RiskBacktest.Example::missed).count() / (double) Math.max(1, test.size());
    return new Outcome(trainYears, testYears, train.size(), test.size(), missRate, rho, scores, fit(all));
  }

  private static Scores score(String name, double[] p, boolean[] y) {
    return new Scores(name, ProbabilityScores.brier(p, y), ProbabilityScores.auc(p, y),
        ProbabilityScores.reliability(p, y, 5));
  }

  private static double chooseRho(List<RiskBacktest.Example> train) {
    double best = TargetRiskJob.DEFAULT_RHO;
    double bestBrier = Double.MAX_VALUE;
    for (double rho : RHOS) {
      double[] p = new double[train.size()];
      boolean[] y = new boolean[train.size()];
      for (int i = 0; i < train.size(); i++) {
        RiskBacktest.Example e = train.get(i);
        p[i] = e.outlook().probabilityMiss(e.target(), e.higherIsBetter(), rho);
        y[i] = e.missed();
      }
      double b = ProbabilityScores.brier(p, y);
      if (b < bestBrier - 1e-12) {
        bestBrier = b;
        best = rho;
      }
    }
    return best;
  }

  private Model<Label> fit(List<RiskBacktest.Example> examples) {
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance(
        "target-risk backtest assessments", OffsetDateTime.now(), factory), factory);
    List<org.tribuo.Example<Label>> list = new ArrayList<>();
    for (RiskBacktest.Example e : examples) {
      list.add(RiskClassifier.example(e.features(), e.missed() ? RiskClassifier.MISSED : RiskClassifier.MET));
    }
    data.addAll(list);
    // logistic regression: log loss, AdaGrad, 50 passes, one example per step, fixed seed
    LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), 50, 1_000_000, 1, seed);
    return trainer.train(data);
  }
}
