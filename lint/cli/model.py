"""`kommlint model info` and `kommlint model train` (Swedish help texts).

`info` reads the chosen pipeline's meta.json without loading spaCy, so it is quick.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import click

from lint.cli.main import SwedishGroup

SOURCES = ("cli", "config", "installed", "embedded", "blank")
PACKAGE = Path(__file__).resolve().parents[1]  # lint/
REPO_TRAINING = PACKAGE.parent / "training"


def _meta_dir(name: str) -> Path | None:
    """Folder holding the pipeline's meta.json, for a path or an installed package."""
    path = Path(name)
    if (path / "meta.json").is_file():
        return path
    if path.exists():
        return None
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        return None
    root = Path(list(spec.submodule_search_locations)[0])
    # spaCy packages keep the data in a versioned subfolder with its own meta.json.
    for meta in sorted(root.glob("*/meta.json")):
        if (meta.parent / "config.cfg").is_file():
            return meta.parent
    return root if (root / "meta.json").is_file() else None


def _accuracy(meta: dict[str, Any]) -> dict[str, float]:
    perf = meta.get("performance") or {}
    return {k: float(v) for k, v in perf.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}


def describe(model: str | None = None, source: str = "cli") -> dict[str, Any]:
    """What `model info` reports: name, path, version, source and accuracy."""
    from lint.language.pipeline import choose_model

    choice = choose_model(model, source) if model else choose_model(None)
    if choice.source == "blank":
        return {"name": "sv_blank", "path": None, "version": None, "source": "blank", "accuracy": {}}
    folder = _meta_dir(choice.name)
    if folder is None:
        return {"name": choice.name, "path": None, "version": None, "source": choice.source, "accuracy": {}}
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    return {
        "name": f"{meta.get('lang', 'sv')}_{meta.get('name', 'pipeline')}",
        "path": str(folder.resolve()),
        "version": meta.get("version"),
        "source": choice.source,
        "accuracy": _accuracy(meta),
        "license": meta.get("license"),
        "pipeline": list(meta.get("pipeline", [])),
    }


LABELS = {
    "pos_acc": "Ordklass (UPOS)",
    "morph_acc": "Morfologiska drag",
    "lemma_acc": "Lemma",
    "verb_lemma_acc": "Lemma, verb",
    "sents_f": "Meningsgränser (F)",
    "voice_pass_p": "Passiv, precision",
    "voice_pass_r": "Passiv, täckning",
    "tag_acc": "Ordklass (XPOS)",
    "dep_las": "Dependenser (LAS)",
    "dep_uas": "Dependenser (UAS)",
}

SOURCE_LABELS = {
    "cli": "angiven med --model",
    "config": "angiven i konfigurationen",
    "installed": "installerat paket",
    "embedded": "inbyggd i kommlint",
    "blank": "tom svensk pipeline med regelbaserad meningsdelning",
}


@click.group(cls=SwedishGroup)
def model() -> None:
    """Visa eller träna den svenska språkmodellen (spaCy-pipeline)."""


@model.command("info")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Utdataformat.")
@click.option("--model", "model_name", help="spaCy-pipeline att beskriva: paketnamn eller sökväg.")
@click.option(
    "--config",
    "config_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Använd den här konfigurationsfilen i stället för att söka uppåt.",
)
def info(output_format: str, model_name: str | None, config_file: Path | None) -> None:
    """Visa vilken språkmodell som används, var den ligger och hur träffsäker den är.

    Ordning: --model, sedan 'model' i konfigurationen, sedan ett installerat
    sv_core_news_sm, sedan den inbyggda modellen och sist en tom svensk pipeline.
    """
    source = "cli"
    if not model_name:
        model_name = _configured_model(config_file)
        source = "config"
    data = describe(model_name, source) if model_name else describe(None)
    if output_format == "json":
        click.echo(json.dumps({k: data[k] for k in ("name", "path", "version", "source", "accuracy")}, ensure_ascii=False, indent=2))
        return
    click.echo(f"Modell:   {data['name']}" + (f" {data['version']}" if data.get("version") else ""))
    click.echo(f"Källa:    {SOURCE_LABELS.get(data['source'], data['source'])}")
    click.echo(f"Sökväg:   {data['path'] or '–'}")
    if data.get("license"):
        click.echo(f"Licens:   {data['license']}")
    if data.get("pipeline"):
        click.echo(f"Delar:    {', '.join(data['pipeline'])}")
    if data["accuracy"]:
        click.echo("Träffsäkerhet:")
        for key, value in data["accuracy"].items():
            shown = f"{value:.3f}".replace(".", ",")  # a decimal comma, as everywhere else
            click.echo(f"  {LABELS.get(key, key):<22} {shown}")


def _configured_model(config_file: Path | None) -> str | None:
    try:
        from lint.engine import config as cfg
    except ImportError:  # pragma: no cover - core not present
        return None
    try:
        settings = cfg.load_config_file(config_file) if config_file else cfg.discover(Path.cwd())
    except Exception as error:  # configuration errors are reported by `check`
        from lint.errors import KommlintError

        if isinstance(error, KommlintError):
            raise click.ClickException(str(error)) from None
        raise
    return getattr(settings, "model", None) if settings else None


@model.command("train")
@click.option(
    "--data",
    "data_dir",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Mapp med UD-trädbankerna (.conllu).",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Var den tränade pipelinen skrivs (standard: den inbyggda modellens mapp).",
)
@click.option(
    "--work",
    "work_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Arbetsmapp för korpus och träningskörningar.",
)
@click.option("--max-steps", type=int, default=None, help="Högsta antal träningssteg.")
def train(data_dir: Path, out_dir: Path | None, work_dir: Path | None, max_steps: int | None) -> None:
    """Träna den inbyggda svenska modellen från UD-trädbankerna och utvärdera den.

    Tränar bara på trädbankerna med licensen CC BY-SA 4.0 (Talbanken, PUD, SweLL);
    LinES används bara för utvärdering. Receptet finns i mappen training/ i
    kommlints källkod.
    """
    script = REPO_TRAINING / "train.py"
    if not script.is_file():
        raise click.ClickException("träningsreceptet (training/train.py) finns bara i en klon av kommlints källkod.")
    if out_dir is None:
        out_dir = PACKAGE / "language" / "embedded" / "sv_kommlint"
    cmd = [sys.executable, str(script), "--data", str(data_dir), "--out", str(out_dir)]
    if work_dir:
        cmd += ["--work", str(work_dir)]
    if max_steps:
        cmd += ["--max-steps", str(max_steps)]
    status = subprocess.call(cmd)
    if status:
        raise click.ClickException(f"träningen misslyckades (felkod {status}).")
    click.echo(f"Modellen skrevs till {out_dir}")
