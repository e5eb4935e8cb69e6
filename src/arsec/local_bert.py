"""Build a BERT model on disk, locally, with random weights.

For tests and speed benchmarks of the transformer pipeline
(`configs/arsec_trf.cfg`) where no model hub can be reached: a WordPiece
tokenizer is trained on the given texts with the `tokenizers` library, a
`transformers.BertModel` is created from a `BertConfig` with random weights,
and both are saved with `save_pretrained`, so that
`AutoModel.from_pretrained(path)`, `AutoTokenizer.from_pretrained(path)` and
spacy-transformers (`--paths.transformer PATH`) load the directory offline.

    from arsec.local_bert import build_local_bert, TINY, BASE
    build_local_bert("work/tiny_bert", texts, **TINY)

`TINY` is small enough to train in a test in seconds; `BASE` has exactly the
shape of BERT-base (the shape of AraBERT and CAMeLBERT: hidden 768, 12 layers,
12 heads, intermediate 3072, 512 positions, vocabulary 30,000), so a pipeline
built on it has their compute, hence their speed; its accuracy means nothing.

torch, transformers and tokenizers are imported inside the function:
`import arsec` never needs them (they come with the `trf` extra).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Union

# A BERT small enough for tests: trains a few steps in seconds on one core.
TINY = dict(hidden_size=32, num_hidden_layers=2, num_attention_heads=2, intermediate_size=64,
            vocab_size=2000, max_position_embeddings=512)

# Exactly the shape of BERT-base / CAMeLBERT (vocabulary 30,000) / AraBERT
# (AraBERT v2 has a 64k vocabulary: only the embedding table is larger, the
# compute per word piece is the same).
BASE = dict(hidden_size=768, num_hidden_layers=12, num_attention_heads=12, intermediate_size=3072,
            vocab_size=30000, max_position_embeddings=512)

SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


def build_local_bert(
    path: Union[str, Path],
    texts: Iterable[str],
    *,
    hidden_size: int = TINY["hidden_size"],
    num_hidden_layers: int = TINY["num_hidden_layers"],
    num_attention_heads: int = TINY["num_attention_heads"],
    intermediate_size: int = TINY["intermediate_size"],
    vocab_size: int = TINY["vocab_size"],
    max_position_embeddings: int = 512,
    seed: int = 0,
) -> Path:
    """Train a WordPiece vocabulary on `texts`, create a randomly initialised
    BERT of the given shape and save both under `path` (created).

    The vocabulary has at most `vocab_size` entries (fewer when the texts are
    too small to fill it); the model's embedding table has exactly as many rows
    as the vocabulary has entries, except when `vocab_size` is larger, where
    it is padded to `vocab_size` so that the model has the requested shape.
    The normaliser keeps case and marks (no lowercasing, no accent
    stripping), like the Arabic BERTs, whose text is normalised beforehand.
    Returns the path.
    """
    import torch
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers
    from transformers import BertConfig, BertModel, BertTokenizerFast

    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)

    tok = Tokenizer(models.WordPiece(unk_token="[UNK]", max_input_chars_per_word=100))
    tok.normalizer = normalizers.BertNormalizer(clean_text=True, handle_chinese_chars=True,
                                                strip_accents=False, lowercase=False)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece(prefix="##")
    trainer = trainers.WordPieceTrainer(vocab_size=vocab_size, min_frequency=1,
                                        special_tokens=SPECIAL_TOKENS, continuing_subword_prefix="##",
                                        show_progress=False)
    tok.train_from_iterator((t for t in texts if t), trainer=trainer)
    cls_id, sep_id = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", cls_id), ("[SEP]", sep_id)])
    tokenizer = BertTokenizerFast(tokenizer_object=tok, do_lower_case=False, strip_accents=False,
                                  tokenize_chinese_chars=True,
                                  unk_token="[UNK]", sep_token="[SEP]", pad_token="[PAD]",
                                  cls_token="[CLS]", mask_token="[MASK]",
                                  model_max_length=max_position_embeddings)
    tokenizer.save_pretrained(str(path))

    torch.manual_seed(seed)
    config = BertConfig(
        vocab_size=max(vocab_size, tok.get_vocab_size()),
        hidden_size=hidden_size,
        num_hidden_layers=num_hidden_layers,
        num_attention_heads=num_attention_heads,
        intermediate_size=intermediate_size,
        max_position_embeddings=max_position_embeddings,
        pad_token_id=tok.token_to_id("[PAD]"),
    )
    model = BertModel(config)  # random weights (BERT's own initialisation)
    model.eval()
    model.save_pretrained(str(path))
    return path
