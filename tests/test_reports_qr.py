"""The fast mask choice must pick exactly what ReportLab's own encoder picks."""

from __future__ import annotations

import random

from desktop.reports import qr


def test_fast_mask_choice_equals_reportlabs() -> None:
    rng = random.Random(8)
    values = [f"{prefix}{n:03d}" for prefix in ("IKM", "BYR", "SUP", "BNK") for n in range(1, 60)]
    values += ["".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-") for _ in range(rng.randint(1, 40)))
               for _ in range(60)]
    for value in values:
        reference = qr.encoder(value)
        reference.make()  # ReportLab's own getBestMaskPattern
        assert qr.modules(value) == tuple(tuple(bool(c) for c in row) for row in reference.modules), value


def test_every_mask_scores_as_reportlab_scores_it() -> None:
    """Not only the winner: each of the eight penalties equals ReportLab's, short codes to version 10."""
    from reportlab.graphics.barcode.qrencoder import QRUtil

    rng = random.Random(9)
    values = ["IKM001", "BNK-07", "x"] + ["".join(rng.choice("abcXYZ019 -é") for _ in range(rng.randint(1, 200)))
                                         for _ in range(25)]
    for value in values:
        reference = qr.encoder(value)
        reference.version = reference.calculate_version()
        expected = []
        for mask in range(8):
            reference.makeImpl(True, mask)
            expected.append(QRUtil.getLostPoint(reference))
        assert qr.mask_penalties(value) == expected, value
