from .actors import Actor, ActorType, Level, Participation, Sector, Stage, Tie
from .outputs import FundingSource, ProgramOutput, SlumArea
from .partnerships import Addressee, Factor, Partnership

__all__ = [
    "Actor",
    "ActorType",
    "Addressee",
    "Factor",
    "FundingSource",
    "Level",
    "Participation",
    "Partnership",
    "ProgramOutput",
    "Sector",
    "SlumArea",
    "Stage",
    "Tie",
]
