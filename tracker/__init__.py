"""tracker: who said what, and which facts were claimed, from news articles into SQLite."""
from .extract import extract
from .model import Claim, Document, Extraction, Quote, Sentence, Speaker

__all__ = ["extract", "Claim", "Document", "Extraction", "Quote", "Sentence", "Speaker"]
