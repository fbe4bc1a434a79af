"""Role profiles: guide weights with job-posting prevalence blended in."""

from __future__ import annotations

import numpy as np
import pytest

import rolefit
import rolefit.evidence
from rolefit.profiles import blend_market, matrices, normalize_rows


def test_blend_keeps_profile_skills_and_row_sums():
    prof = rolefit.role_profiles()
    sums = prof.groupby("role_id")[["share", "guide_share"]].sum()
    np.testing.assert_allclose(sums.to_numpy(), 1.0)
    assert (prof["share"] > 0).all()
    mats = matrices()
    assert int((mats.weights > 0).sum()) == len(prof)


def test_blend_moves_weight_towards_what_postings_ask_for():
    prof = rolefit.role_profiles().set_index(["role_id", "skill_id"])
    market = rolefit.evidence.market_prevalence().set_index(["role_id", "skill_id"])
    de = prof.loc["data_engineer"]
    shares = market.loc["data_engineer", "share"].reindex(de.index)
    observed = shares.notna()
    moved = (de["share"] - de["guide_share"])[observed]
    # among observed skills, the most asked-for gains share, the least asked-for loses it
    assert moved[shares[observed].idxmax()] > 0
    assert moved[shares[observed].idxmin()] < 0
    # skills without evidence keep their guide share
    np.testing.assert_allclose(de.loc[~observed, "share"], de.loc[~observed, "guide_share"])


@pytest.mark.parametrize("blend", [0.0, 0.3, 1.0])
def test_blend_market_properties(blend):
    rng = np.random.default_rng(0)
    guide = normalize_rows(rng.random((3, 6)) * (rng.random((3, 6)) < 0.7))
    prevalence = rng.random((3, 6))
    observed = rng.random((3, 6)) < 0.6
    out = blend_market(guide, prevalence, observed, blend=blend)
    np.testing.assert_allclose(out.sum(axis=1), guide.sum(axis=1))
    assert ((out > 0) == (guide > 0)).all()
    if blend == 0.0:
        np.testing.assert_allclose(out, guide)
