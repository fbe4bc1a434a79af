"""rolefit: which AI/data role do your skills fit, why, and what to learn next.

Importing rolefit is light (numpy and the standard library); tables are loaded on first
use, and scikit-learn, pandas and matplotlib are imported only by the functions that
need them.
"""

from importlib import import_module

from rolefit._config import config_context, get_config, set_config
from rolefit._data import DataError, load_sample_resume
from rolefit.batch import score_many
from rolefit.fit import NoSkillsError, RoleFit, score
from rolefit.match import PostingMatch, match
from rolefit.profiles import interview_topics, roadmaps, role_profiles, roles
from rolefit.skills import (
    extract_skills,
    extract_skills_many,
    find_skills,
    normalize,
    skills,
    suggest,
)

__version__ = "0.1.0"

_LAZY = {
    "SkillVectorizer": "rolefit.model",
    "ProfileMatcher": "rolefit.model",
    "profile_pipeline": "rolefit.model",
    "plot": "rolefit.plot",
    "classifier": "rolefit.classifier",
    "evidence": "rolefit.evidence",
}
_MODULES = {"plot", "classifier", "evidence"}

__all__ = [
    "DataError",
    "NoSkillsError",
    "PostingMatch",
    "ProfileMatcher",
    "RoleFit",
    "SkillVectorizer",
    "config_context",
    "extract_skills",
    "extract_skills_many",
    "find_skills",
    "get_config",
    "interview_topics",
    "load_sample_resume",
    "match",
    "normalize",
    "plot",
    "profile_pipeline",
    "roadmaps",
    "role_profiles",
    "roles",
    "score",
    "score_many",
    "set_config",
    "skills",
    "suggest",
]


def __getattr__(name):
    if name in _LAZY:
        module = import_module(_LAZY[name])
        return module if name in _MODULES else getattr(module, name)
    raise AttributeError(f"module 'rolefit' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(__all__))
