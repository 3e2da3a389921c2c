"""Dask: the articles table computed partition by partition on a 2-process local cluster."""

from dataclasses import replace

import dask.dataframe as dd
import pandas as pd
import pytest
from dask.distributed import Client, LocalCluster

from framing import pipeline
from framing.dask import articles_meta, features_from_dask
from framing.io import load_corpus
from framing.parallel import analyze_parallel

from conftest import SEEDS

# Line roles and lexicon rates: real features that need no parser, so the workers start quickly.
STEPS = [pipeline._segmentation_step, pipeline._lexicon_step]


def test_seeds_on_a_local_cluster_match_the_pipeline(tmp_path):
    articles = load_corpus(SEEDS).articles
    frame = load_corpus(SEEDS).to_frame()[["article_id", "outlet", "text"]]
    frame.loc[2, "text"] = "   "  # an empty article keeps its row, with the reason
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        with Client(cluster):
            ddf = dd.from_pandas(frame, npartitions=2)
            lazy = features_from_dask(ddf, steps=STEPS)
            assert lazy.npartitions == 2
            assert list(lazy.columns) == list(articles_meta(steps=STEPS).columns)
            got = lazy.compute()
            lazy.to_parquet(tmp_path / "features")  # every column has a Parquet type
    back = pd.read_parquet(tmp_path / "features")
    assert list(back.columns) == list(got.columns) and list(back["article_id"]) == list(got["article_id"])
    assert list(got["article_id"]) == list(frame["article_id"])
    assert got["error"].tolist() == ["", "", "empty text", "", ""]
    expected = pd.DataFrame(
        # the dask input has only id, outlet and text: compare with the same articles minus manifest metadata
        [r.tables["articles"][0] for r in analyze_parallel(
            [replace(a, metadata={}) for a in articles[:2] + articles[3:]], steps=STEPS)]
    )
    rows = got.drop(index=2).reset_index(drop=True)
    assert "loaded_rate" in expected.columns and "boilerplate_ratio" in expected.columns
    for col in expected.columns:
        assert rows[col].astype(object).tolist() == expected[col].astype(object).tolist(), col


def test_missing_column_is_named():
    ddf = dd.from_pandas(pd.DataFrame({"article_id": ["a"], "body": ["x"]}), npartitions=1)
    with pytest.raises(KeyError, match="text.*found: article_id, body"):
        features_from_dask(ddf)
