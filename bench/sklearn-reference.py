#!/usr/bin/env python3
"""The reference issue #4 is judged against: a scikit-learn Isolation Forest on user-day features.

Reads the user-day feature vectors Argus stored in a scored workspace, fits scikit-learn's
IsolationForest on them (standardized, 200 trees, seeded), ranks users by their most isolated day,
and prints recall@K, average precision and user-day ROC AUC against a labels file from
`argus generate`, next to the same figures for Argus's own scores in that workspace.

Optional tooling, not part of the test run: needs python3-sklearn (Debian: apt-get install -y
python3-sklearn). Usage: bench/sklearn-reference.py WORKSPACE.db LABELS.json
"""
import json
import sqlite3
import sys

import numpy as np
from sklearn.ensemble import IsolationForest
from sklearn.preprocessing import StandardScaler


def roc_auc(positives, negatives):
    """Mann-Whitney U over the pooled scores, ties sharing their average rank."""
    pooled = sorted([(value, 1) for value in positives] + [(value, 0) for value in negatives])
    rank_sum, start = 0.0, 0
    while start < len(pooled):
        end = start
        while end < len(pooled) and pooled[end][0] == pooled[start][0]:
            end += 1
        rank_sum += (start + end + 1) / 2 * sum(label for _, label in pooled[start:end])
        start = end
    count = len(positives)
    return (rank_sum - count * (count + 1) / 2) / (count * len(negatives))


def ranking_quality(user_scores, attacked):
    """Recall@K (K = attacked users) and average precision of a user → score ranking."""
    ranking = sorted(user_scores, key=lambda user: (-user_scores[user], user))
    found, precision_sum = 0, 0.0
    for position, user in enumerate(ranking, start=1):
        if user in attacked:
            found += 1
            precision_sum += found / position
    top = set(ranking[: len(attacked)])
    return len(attacked & top) / len(attacked), precision_sum / len(attacked)


def report(name, rows, day_scores, user_scores, attacked, attacked_days):
    recall, average_precision = ranking_quality(user_scores, attacked)
    positives = [score for (user, date), score in zip(rows, day_scores) if (user, date) in attacked_days]
    negatives = [score for (user, date), score in zip(rows, day_scores) if (user, date) not in attacked_days]
    print(f"{name:34} recall@{len(attacked)} {recall * 100:5.1f} %   AP {average_precision:.3f}   user-day AUC {roc_auc(positives, negatives):.4f}")


def main(workspace, labels_file):
    labels = json.load(open(labels_file))
    attacked = {attack["user"] for attack in labels["attacks"]}
    attacked_days = {(attack["user"], day) for attack in labels["attacks"] for day in attack["days"]}
    database = sqlite3.connect(workspace)
    stored = database.execute("select user, date, features, risk from user_days order by user, date").fetchall()
    argus_users = dict(database.execute("select user, risk from user_risk").fetchall())
    names = sorted(json.loads(stored[0][2]))
    rows = [(user, date) for user, date, _, _ in stored]
    matrix = np.array([[json.loads(features)[name] for name in names] for _, _, features, _ in stored], dtype=float)
    standardized = StandardScaler().fit_transform(matrix)
    isolation = -IsolationForest(n_estimators=200, random_state=0).fit(standardized).score_samples(standardized)
    # The reference ranks a user by their most isolated day.
    isolation_users = {}
    for (user, _), score in zip(rows, isolation):
        isolation_users[user] = max(isolation_users.get(user, float("-inf")), score)
    print(f"{len(rows)} user-days, {len(names)} features, {len(attacked)} attacked users")
    report("scikit-learn IsolationForest", rows, isolation, isolation_users, attacked, attacked_days)
    report("Argus (stored day and user risk)", rows, [risk for _, _, _, risk in stored], argus_users, attacked, attacked_days)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: bench/sklearn-reference.py WORKSPACE.db LABELS.json")
    main(sys.argv[1], sys.argv[2])
