package org.govpulse.models.forecast.global;

/** The Tribuo regression algorithm behind the global model. */
public enum Learner {
  /** Gradient-boosted trees (tribuo-regression-xgboost), histogram method. */
  XGBOOST,
  /** One CART regression tree (tribuo-regression-tree). */
  CART,
  /** A linear model fitted by AdaGrad SGD on squared loss, 10 epochs (tribuo-regression-sgd). The default. */
  LINEAR
}
