"""Batch cleaning of corpora: streaming chunks, a process pool or Dask, resumable sharded output."""

from .reader import BatchInputError, Chunk, iter_chunks
from .run import BatchOptions, run_batch
from .work import ChunkResult, Settings, clean_chunk, clean_record

__all__ = ["BatchInputError", "BatchOptions", "Chunk", "ChunkResult", "Settings", "clean_chunk",
           "clean_record", "iter_chunks", "run_batch"]
