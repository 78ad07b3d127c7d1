"""Argos Translate's own pipeline: ``argostranslate.translate`` on each sentence.

The compatibility path (``--engine argos``) and the benchmark's reference. It needs the
``argos`` extra; the packages it uses are the ones diglot found (its own store is pointed at
them through ``ARGOS_PACKAGES_DIR`` before argostranslate is imported). Sentences arrive already
split by diglot, and argostranslate's default sentence splitter would try to download its
model, so each sentence is handed over whole (:func:`offline_sentencizer`). It gives no
attention and cannot suppress renderings.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Sequence

from diglot.errors import DiglotError
from diglot.i18n import N_, _
from diglot.translate.engines.base import Decoded, Engine, Progress
from diglot.translate.store import decoding_failed


class _WholeTextSentencizer:
    """Treats its input as one sentence: diglot has split the text already."""

    def __init__(self, pkg=None):
        self.pkg = pkg

    def split_sentences(self, text: str) -> list[str]:
        return [text]


def import_argostranslate(packages_dir: str | os.PathLike[str] | None = None):
    """Import ``argostranslate.translate``, looking for packages in ``packages_dir`` only."""
    try:
        import argostranslate.settings as argos_settings
        import argostranslate.translate as argos_translate
    except ImportError:
        raise DiglotError(
            _("the argos engine needs the argos extra: pip install 'diglot[argos]' (install CPU torch first)")
        ) from None
    if packages_dir is not None:
        # Its settings were read at import; point them at diglot's folder for this run.
        argos_settings.package_dirs = [Path(packages_dir)]
        argos_translate.get_installed_languages.cache_clear()
        argos_translate.installed_translates.clear()
    return argos_translate


def offline_sentencizer(argos_translate) -> None:
    """Make argostranslate's packaged translation split sentences without downloading anything."""
    argos_translate.MiniSBDSentencizer = _WholeTextSentencizer
    argos_translate.StanzaSentencizer = _WholeTextSentencizer


class ArgosEngine(Engine):
    name = "argos"
    description = N_("Argos Translate's own translate(), sentence by sentence (needs the argos extra)")

    def translate(self, sentences: Sequence[str], attention: bool = False,
                  suppress: Sequence[Sequence[str]] | None = None, progress: Progress | None = None,
                  hypotheses: int = 1) -> list[Decoded]:
        argos_translate = import_argostranslate(self.route[0].path.parent)
        offline_sentencizer(argos_translate)
        translation = self._translation(argos_translate)
        try:
            out = []
            for sentence in sentences:
                if hypotheses > 1:
                    best, *others = [Decoded(text=h.value.strip()) for h in translation.hypotheses(sentence, hypotheses)]
                    best.alternatives = others
                    out.append(best)
                else:
                    out.append(Decoded(text=translation.translate(sentence).strip()))
                if progress:
                    progress(len(out), len(sentences))
        except (RuntimeError, MemoryError) as err:  # CTranslate2, under argostranslate
            raise decoding_failed(self.route, err) from None
        return out

    def _translation(self, argos_translate):
        """argostranslate's translation object for the route (argostranslate pivots itself)."""
        source, target = self.route[0].from_code, self.route[-1].to_code
        languages = {lang.code: lang for lang in argos_translate.get_installed_languages()}
        translation = languages[source].get_translation(languages[target]) if source in languages and target in languages else None
        if translation is None:
            raise DiglotError(
                _("Argos Translate finds no {src}-{tgt} package in {path}").format(
                    src=source, tgt=target, path=self.route[0].path.parent
                )
            )
        return translation

