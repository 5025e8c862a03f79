"""Learning views, thin: progress, webinars, unit training and analytics."""
