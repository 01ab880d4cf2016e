"""The Qt layer: windows, models, delegates and the workers that keep the GUI thread free."""
