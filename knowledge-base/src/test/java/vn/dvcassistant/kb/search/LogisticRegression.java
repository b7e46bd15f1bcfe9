package vn.dvcassistant.kb.search;

import java.util.List;

/**
 * Maximum-likelihood logistic regression by Newton's method with a small L2 penalty on the weights
 * (not the intercept). Deterministic: the same data give the same coefficients.
 */
final class LogisticRegression {

    static final double L2 = 0.01;
    static final int ITERATIONS = 50;

    private LogisticRegression() {
    }

    /** @return intercept followed by one weight per feature */
    static double[] fit(List<double[]> x, List<Boolean> y) {
        int d = x.get(0).length + 1;
        double[] w = new double[d];
        for (int iter = 0; iter < ITERATIONS; iter++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int i = 0; i < x.size(); i++) {
                double[] xi = withIntercept(x.get(i));
                double p = ConfidenceModel.logistic(w, x.get(i));
                double err = p - (y.get(i) ? 1 : 0);
                for (int a = 0; a < d; a++) {
                    gradient[a] += err * xi[a];
                    for (int b = 0; b < d; b++) {
                        hessian[a][b] += p * (1 - p) * xi[a] * xi[b];
                    }
                }
            }
            for (int a = 1; a < d; a++) {
                gradient[a] += L2 * w[a];
                hessian[a][a] += L2;
            }
            double[] step = solve(hessian, gradient);
            double size = 0;
            for (int a = 0; a < d; a++) {
                w[a] -= step[a];
                size += Math.abs(step[a]);
            }
            if (size < 1e-9) {
                break;
            }
        }
        return w;
    }

    static double logLoss(double[] w, List<double[]> x, List<Boolean> y) {
        double loss = 0;
        for (int i = 0; i < x.size(); i++) {
            double p = Math.min(1 - 1e-12, Math.max(1e-12, ConfidenceModel.logistic(w, x.get(i))));
            loss -= y.get(i) ? Math.log(p) : Math.log(1 - p);
        }
        return loss / x.size();
    }

    private static double[] withIntercept(double[] x) {
        double[] out = new double[x.length + 1];
        out[0] = 1;
        System.arraycopy(x, 0, out, 1, x.length);
        return out;
    }

    /** Gaussian elimination with partial pivoting; the matrix is small and positive definite. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= n; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int c = r + 1; c < n; c++) {
                s -= m[r][c] * x[c];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }
}
