"""Real Argos packages built from scratch, for tests and benchmarks (no download, no torch).

Model weights cannot be downloaded where diglot is tested, so this module makes real
``.argosmodel`` packages (test scaffolding: it lives beside the tests, not in the package): a SentencePiece model trained on the text given, and a CTranslate2
Transformer written through CTranslate2's model-spec API with numpy weights.

* :func:`build_copy_model` sets the weights by hand so that the model copies its source
  sentence piece by piece: the decoder's cross-attention looks up the source position equal
  to its own step (sinusoidal codes in one subspace) and carries that token's embedding (a
  second subspace) to the output layer. It behaves like a perfect translator whose "target
  language" is the source: what the model is given is what comes out, so tests can see that
  text, placeholders and glossary renderings travel through real decoding.
* :func:`build_random_model` has Argos-like dimensions (Transformer base) and random weights,
  except that the end token is tied to one dimension of the decoder's position codes: it is
  impossible before step ``decode_steps`` and certain at it, so every sentence decodes exactly
  that many steps whoever runs the model and with whatever options: a benchmark load of
  realistic size.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Iterable

import numpy as np

SPECIAL_EXTRA = "<blank>"  # OpenNMT-py's padding token, present in Argos vocabularies


def train_sentencepiece(texts: Iterable[str], prefix: Path, vocab_size: int) -> Path:
    """Train a unigram SentencePiece model on ``texts``; returns the ``.model`` path."""
    import sentencepiece as spm

    prefix.parent.mkdir(parents=True, exist_ok=True)
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(list(texts)),
        model_prefix=str(prefix),
        vocab_size=vocab_size,
        character_coverage=1.0,
        hard_vocab_limit=False,
        byte_fallback=False,
        minloglevel=2,
        num_threads=1,
    )
    return prefix.with_suffix(".model")


def _vocabulary(sp_model: Path, pad_to: int = 0) -> list[str]:
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_file=str(sp_model))
    tokens = [processor.id_to_piece(i) for i in range(processor.get_piece_size())] + [SPECIAL_EXTRA]
    tokens += [f"<extra_{i}>" for i in range(max(0, pad_to - len(tokens)))]
    return tokens


def _finish(spec, vocabulary: list[str], model_dir: Path, quantization: str = "float32") -> Path:
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    spec.optimize(quantization=quantization)
    model_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(model_dir))
    return model_dir


def _zero_mean_codes(rng: np.random.Generator, count: int, half: int) -> np.ndarray:
    """``count`` unit vectors of ``2 * half`` dims whose components sum to zero ([v, -v])."""
    codes = rng.standard_normal((count, half)).astype(np.float32)
    codes /= np.linalg.norm(codes, axis=1, keepdims=True)
    return np.concatenate([codes, -codes], axis=1) / np.sqrt(2)


def _positions(length: int, frequencies: int) -> np.ndarray:
    """Sinusoidal codes, ± duplicated so each row sums to zero; ``row·row`` is constant."""
    steps = np.arange(length, dtype=np.float32)[:, None]
    omega = np.geomspace(0.09, 2.6, frequencies, dtype=np.float32)[None, :]
    half = np.concatenate([np.cos(steps * omega), np.sin(steps * omega)], axis=1)
    return np.concatenate([half, -half], axis=1) / np.sqrt(2 * frequencies)


def build_copy_model(sp_model: Path, model_dir: Path, max_length: int = 256, seed: int = 7) -> Path:
    """Write a CTranslate2 model that copies its (SentencePiece) input, as described above."""
    from ctranslate2.specs import transformer_spec

    vocabulary = _vocabulary(sp_model)
    vocab_size = len(vocabulary)
    rng = np.random.default_rng(seed)
    frequencies, token_half = 8, 64
    pos_dims, tok_dims = 4 * frequencies, 2 * token_half
    d = pos_dims + tok_dims
    positions = np.zeros((max_length, d), np.float32)
    positions[:, :pos_dims] = _positions(max_length, frequencies)
    tokens = np.zeros((vocab_size, d), np.float32)
    tokens[:, pos_dims:] = _zero_mean_codes(rng, vocab_size, token_half)
    on_pos = np.zeros((d, d), np.float32)
    on_pos[:pos_dims, :pos_dims] = np.eye(pos_dims)
    on_tok = np.zeros((d, d), np.float32)
    on_tok[pos_dims:, pos_dims:] = np.eye(tok_dims)
    zeros = np.zeros((d, d), np.float32)

    spec = transformer_spec.TransformerSpec.from_config(1, 1, pre_norm=True)
    spec.config.add_source_eos = True  # the copied </s> ends decoding
    enc, dec = spec.encoder, spec.decoder

    def norm(layer) -> None:
        layer.gamma = np.ones(d, np.float32)
        layer.beta = np.zeros(d, np.float32)

    def linear(layer, weight: np.ndarray) -> None:
        layer.weight = weight
        layer.bias = np.zeros(weight.shape[0], np.float32)

    def silent_ffn(ffn) -> None:  # adds nothing to the residual stream
        norm(ffn.layer_norm)
        linear(ffn.linear_0, np.zeros((4, d), np.float32))
        linear(ffn.linear_1, np.zeros((d, 4), np.float32))

    enc.embeddings[0].weight = tokens  # scaled by sqrt(d) at run time; LayerNorm undoes it
    enc.scale_embeddings = False
    enc.position_encodings.encodings = positions
    norm(enc.layer_norm)
    layer = enc.layer[0]
    norm(layer.self_attention.layer_norm)
    linear(layer.self_attention.linear[0], np.zeros((3 * d, d), np.float32))
    linear(layer.self_attention.linear[1], zeros)
    silent_ffn(layer.ffn)

    dec.embeddings.weight = np.zeros((vocab_size, d), np.float32)  # the state is the position alone
    dec.scale_embeddings = False
    dec.position_encodings.encodings = positions
    norm(dec.layer_norm)
    layer = dec.layer[0]
    norm(layer.self_attention.layer_norm)
    linear(layer.self_attention.linear[0], np.zeros((3 * d, d), np.float32))
    linear(layer.self_attention.linear[1], zeros)
    norm(layer.attention.layer_norm)
    linear(layer.attention.linear[0], 6.0 * on_pos)  # sharp: a step attends its own source position
    linear(layer.attention.linear[1], np.concatenate([on_pos, on_tok]))
    linear(layer.attention.linear[2], np.eye(d, dtype=np.float32))
    silent_ffn(layer.ffn)
    linear(dec.projection, 4.0 * tokens)
    return _finish(spec, vocabulary, model_dir)


def build_random_model(
    sp_model: Path,
    model_dir: Path,
    layers: int = 6,
    d_model: int = 512,
    heads: int = 8,
    ffn: int = 2048,
    vocab_size: int = 32000,
    decode_steps: int = 40,
    seed: int = 11,
) -> Path:
    """Write a Transformer of the given size with random weights that stops after ``decode_steps``."""
    from ctranslate2.specs import common_spec, model_spec, transformer_spec

    vocabulary = _vocabulary(sp_model, pad_to=vocab_size)
    rng = np.random.default_rng(seed)
    spec = transformer_spec.TransformerSpec.from_config(layers, heads, pre_norm=True)

    def unit_norms(layer) -> None:
        """Every LayerNorm of the spec: gamma 1, beta 0."""
        for value in vars(layer).values():
            for child in value if isinstance(value, list) else [value]:
                if isinstance(child, model_spec.LayerSpec):
                    unit_norms(child)
        if isinstance(layer, common_spec.LayerNormSpec):
            layer.gamma = np.ones(d_model, np.float32)
            layer.beta = np.zeros(d_model, np.float32)

    unit_norms(spec)
    scale = 1 / np.sqrt(d_model)

    def dense(out_dim: int, in_dim: int) -> np.ndarray:
        return (rng.standard_normal((out_dim, in_dim), dtype=np.float32) * scale).astype(np.float32)

    spec.encoder.embeddings[0].weight = dense(len(vocabulary), d_model)
    spec.decoder.embeddings.weight = dense(len(vocabulary), d_model)
    for stack in (spec.encoder, spec.decoder):
        for layer in stack.layer:
            attentions = [layer.self_attention] + ([layer.attention] if hasattr(layer, "attention") else [])
            for attention in attentions:
                shapes = (
                    [(3 * d_model, d_model), (d_model, d_model)]
                    if len(attention.linear) == 2
                    else [(d_model, d_model), (2 * d_model, d_model), (d_model, d_model)]
                )
                for lin, shape in zip(attention.linear, shapes):
                    lin.weight = dense(*shape)
                    lin.bias = np.zeros(shape[0], np.float32)
            layer.ffn.linear_0.weight = dense(ffn, d_model)
            layer.ffn.linear_0.bias = np.zeros(ffn, np.float32)
            layer.ffn.linear_1.weight = dense(d_model, ffn)
            layer.ffn.linear_1.bias = np.zeros(d_model, np.float32)
    # Sinusoidal positions, but the last dimension says "too early" (-50) or "time to stop" (+50):
    # the only thing the end token's output row reads.
    steps = np.arange(512, dtype=np.float32)[:, None]
    rates = np.exp(-np.log(10000.0) * np.arange(0, d_model, 2, dtype=np.float32) / d_model)[None, :]
    positions = np.concatenate([np.sin(steps * rates), np.cos(steps * rates)], axis=1).astype(np.float32)
    positions[:, -1] = np.where(steps[:, 0] < decode_steps, -50.0, 50.0)
    spec.decoder.position_encodings.encodings = positions
    projection = dense(len(vocabulary), d_model)
    eos = vocabulary.index("</s>")
    projection[eos] = 0.0
    projection[eos, -1] = 100.0
    spec.decoder.projection.weight = projection
    spec.decoder.projection.bias = np.zeros(len(vocabulary), np.float32)
    return _finish(spec, vocabulary, model_dir, quantization="int8")


def pack_argosmodel(
    model_dir: Path,
    sp_model: Path,
    out: Path,
    from_code: str,
    to_code: str,
    version: str = "1.0",
    extra_members: dict[str, bytes] | None = None,
) -> Path:
    """Zip a CTranslate2 model and a SentencePiece model as Argos Translate packs them."""
    names = {"ko": "Korean", "en": "English"}
    top = f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    metadata = {
        "package_version": version,
        "argos_version": "1.0",
        "from_code": from_code,
        "from_name": names.get(from_code, from_code),
        "to_code": to_code,
        "to_name": names.get(to_code, to_code),
        "type": "translate",
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{top}/metadata.json", json.dumps(metadata, indent=2))
        archive.write(sp_model, f"{top}/sentencepiece.model")
        for path in sorted(model_dir.rglob("*")):
            if path.is_file():
                archive.write(path, f"{top}/model/{path.relative_to(model_dir)}")
        for name, data in (extra_members or {}).items():
            archive.writestr(name, data)
    return out


def corpus_sentences(data_dir: Path, limit: int | None = None) -> list[str]:
    """Korean and English lines of the shared parallel data (both sides, interleaved)."""
    lines: list[str] = []
    for stem in ("korean-english-park.dev", "jhe-koen-dev"):
        ko = (data_dir / f"{stem}.ko").read_text(encoding="utf-8").splitlines()
        en = (data_dir / f"{stem}.en").read_text(encoding="utf-8").splitlines()
        for pair in zip(ko, en):
            lines.extend(line for line in pair if line.strip())
    return lines[:limit] if limit else lines


def build_copy_package(
    data_dir: Path, out: Path, from_code: str = "ko", to_code: str = "en", vocab_size: int = 1200
) -> Path:
    """A complete copy-model ``.argosmodel`` trained on ``data_dir`` (a few seconds)."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sp_model = train_sentencepiece(corpus_sentences(data_dir), work / "sp", vocab_size)
        model_dir = build_copy_model(sp_model, work / "model")
        return pack_argosmodel(model_dir, sp_model, out, from_code, to_code)


def default_data_dir() -> Path:
    """The repository's shared Korean–English data (``$DIGLOT_DATA`` overrides it)."""
    return Path(os.environ.get("DIGLOT_DATA", Path(__file__).resolve().parents[2] / "data" / "korean-parallel-corpora"))


def repack(
    package: Path,
    out: Path,
    metadata: dict | None = None,
    drop: str | None = None,
    add: dict[str, bytes] | None = None,
    replace: dict[str, bytes] | None = None,
) -> Path:
    """A copy of ``package`` with metadata fields changed, and members dropped, added or replaced
    (``drop`` and ``replace`` match the end of a member's name)."""
    with zipfile.ZipFile(package) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if drop and info.filename.endswith(drop):
                continue
            if info.filename.endswith("metadata.json") and metadata is not None:
                data = json.dumps({**json.loads(data), **metadata}).encode()
            for suffix, new in (replace or {}).items():
                if info.filename.endswith(suffix):
                    data = new
            dst.writestr(info, data)
        for name, data in (add or {}).items():
            dst.writestr(name, data)
    return out


def zip_bytes(members: dict[str, bytes]) -> bytes:
    """A zip archive holding ``members`` (name → content), as bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()
