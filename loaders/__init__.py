"""Article loading and the Arabic extraction pipeline: files in, `ArticleGraph` out."""
