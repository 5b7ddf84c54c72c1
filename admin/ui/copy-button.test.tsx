import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, test, vi } from 'vitest';
import { CopyButton } from './copy-button';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

test('copies the value with the Clipboard API and announces it', async () => {
  const user = userEvent.setup();
  const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
  render(<CopyButton value="https://chartside.example/launch" label="Launch URL" />);

  await user.click(screen.getByRole('button', { name: 'Copy Launch URL' }));

  expect(writeText).toHaveBeenCalledWith('https://chartside.example/launch');
  expect(screen.getByRole('status').textContent).toBe('Copied Launch URL');
});

test('falls back to a selected text copy when the Clipboard API is refused', async () => {
  const user = userEvent.setup();
  vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('NotAllowedError'));
  let selected = '';
  const execCommand = vi.fn((command: string) => {
    const area = document.activeElement;
    if (area instanceof HTMLTextAreaElement) selected = area.value;
    return command === 'copy';
  });
  Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
  render(<CopyButton value="chartside-prod" label="Client id" />);
  const button = screen.getByRole('button', { name: 'Copy Client id' });

  await user.click(button);

  expect(execCommand).toHaveBeenCalledWith('copy');
  expect(selected).toBe('chartside-prod');
  expect(screen.getByRole('status').textContent).toBe('Copied Client id');
  expect(document.activeElement).toBe(button);
  expect(document.querySelector('textarea')).toBeNull();
});
