"""Learning's documents: course certificates as PDF (`certificates`) and live webinars' calendar
files (`calendar`)."""
