"""The reference datasets shipped with the package: list them and load them by id.

Each dataset is a folder ``datasets/<id>/`` holding ``<id>.yaml`` and its
source text. In a wheel they live in ``jointstmt/_data/datasets`` (hatchling
``force-include``); in a checkout or editable install, in the repository's
``datasets/`` folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jointstmt.model import JointStatement

_PACKAGE = Path(__file__).resolve().parent


def root() -> Path:
    """The folder holding the datasets (installed wheel first, then a checkout)."""
    for candidate in (_PACKAGE / "_data" / "datasets", _PACKAGE.parent.parent / "datasets"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("no datasets folder: neither an installed wheel nor a checkout")


@dataclass(frozen=True, slots=True)
class Dataset:
    """One shipped dataset: its id and the path of its statement file."""

    id: str
    path: Path

    def load(self) -> JointStatement:
        """The validated statement (source files and spans checked)."""
        from jointstmt.validation import load

        return load(self.path)


def list_datasets() -> list[Dataset]:
    """The shipped datasets, sorted by id."""
    return [
        Dataset(folder.name, folder / f"{folder.name}.yaml")
        for folder in sorted(root().iterdir())
        if (folder / f"{folder.name}.yaml").is_file()
    ]


def load_dataset(dataset_id: str) -> JointStatement:
    """Load a shipped dataset by id; ``KeyError`` names the ids there are."""
    for dataset in list_datasets():
        if dataset.id == dataset_id:
            return dataset.load()
    known = ", ".join(d.id for d in list_datasets())
    raise KeyError(f"no dataset {dataset_id!r}; shipped: {known}")
