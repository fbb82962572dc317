"""mtclean: clean machine-translated text with ordered rule stages and an exact change log.

>>> from cleaner import clean
>>> clean("They met. . Then left.").text
'They met. Then left.'
"""

__version__ = "0.1.0"

from .config import Config, ConfigError, load_config  # noqa: E402
from .engine import Pipeline, clean  # noqa: E402
from .model import Change, Example, Problem, Result, Rule  # noqa: E402
from .ruleset import default_rules, ruleset_hash  # noqa: E402
from .spans import apply_changes, revert_changes  # noqa: E402


def rules() -> tuple[Rule, ...]:
    """Every shipped rule, in pipeline order."""
    return default_rules()


__all__ = [
    "Change", "Config", "ConfigError", "Example", "Pipeline", "Problem", "Result", "Rule",
    "apply_changes", "clean", "default_rules", "load_config", "revert_changes", "rules", "ruleset_hash",
]
