"""Text work: reading files, cleaning page junk, script folding, sentences, segmentation."""
