"""Codes for the categorical columns of the mothers' table."""

from __future__ import annotations

from enum import IntEnum


class Status:
    """Where a mother is (codes of the ``status`` column). Exits from assistance keep the
    destination as their status.

    Plain ints rather than an ``IntEnum``: NumPy probes enum members for array protocols on
    every comparison with a column, which costs microseconds each in the monthly step.
    """

    ON_ASSISTANCE = 0
    IN_WORK = 1          # left for work and is followed for job loss
    STUDY = 2
    PARTNER = 3
    NONCOOPERATION = 4
    OTHER = 5
    NOT_FOLLOWED = 6     # no longer followed: her follow-up after an exit to work ended
    JOBLESS = 7          # lost her job; off assistance and out of work (she may return)

    @classmethod
    def name_of(cls, code: int) -> str:
        """The status's name in lower case (``on_assistance``, ``in_work``...)."""
        return next(k for k, v in vars(cls).items() if v == code and k.isupper()).lower()


# How many status codes there are (they run from 0).
STATUS_CODES = 1 + max(v for k, v in vars(Status).items() if k.isupper())

# Exit destinations in the order of the Rotterdam leavers' table, with the metric names.
EXIT_REASONS: dict[int, str] = {
    Status.IN_WORK: "work",
    Status.STUDY: "study",
    Status.NONCOOPERATION: "noncooperation",
    Status.PARTNER: "partner",
    Status.OTHER: "other",
}


class Education(IntEnum):
    NO_BASIC = 0
    MBO_OR_LOWER = 1
    HBO_WO = 2
    OTHER = 3


class EntryReason(IntEnum):
    STUDENT_FINANCE_END = 0
    INCOME_LOSS = 1
    RELATIONSHIP_END = 2
    OTHER = 3


class ExemptionReason(IntEnum):
    """Why a mother is exempted from the work obligation (``exempt_reason`` column)."""

    NONE = 0
    REQUEST = 1   # on request of a single parent with a child under 5 (004:190, 004:428)
    HEALTH = 2    # with an active health barrier
    CARE = 3      # with a heavy care burden
    OTHER = 4


class Barrier(IntEnum):
    """Bit positions in the ``barriers`` and ``barriers_registered`` bit masks."""

    DEBTS = 0
    HEALTH = 1
    LANGUAGE = 2
    CARE = 3


BARRIER_NAMES = {b: b.name.lower() for b in Barrier}

LADDER_STEPS = range(1, 7)  # 1 isolated ... 5 paid work with support, 6 paid work
LADDER_PARTTIME = 5
LADDER_WORK = 6
