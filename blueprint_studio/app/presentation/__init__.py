"""Presentation mode, the workshop timer and the interface settings (participant mode,
larger text): what the trainer's side of the room needs.

- `controller.PresentationController`: F5 and everything it changes on the window, given
  back exactly at the end; the keys that step through a `protocol.Presentable`;
- `timer.WorkshopTimer` and `overlay.TimerBadge`: the exercise countdown;
- `overlay.PresentationOverlay`: the caption and the pointer highlight;
- `interface.InterfaceSettings`: participant mode and larger text;
- `actions`: their commands, merged into the window's action table.
"""
