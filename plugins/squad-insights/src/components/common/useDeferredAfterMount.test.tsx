import { render, screen } from '@testing-library/react';
import { useDeferredAfterMount } from './useDeferredAfterMount';

describe('useDeferredAfterMount', () => {
  it('renders the initial value first, then the value in a render of its own, then follows it', async () => {
    const seen: string[] = [];
    function Probe(props: { value: string }) {
      const shown = useDeferredAfterMount(props.value, 'initial');
      seen.push(shown);
      return <span>{shown}</span>;
    }
    const { rerender } = render(<Probe value="first" />);
    expect(await screen.findByText('first')).toBeInTheDocument();
    expect(seen[0]).toBe('initial');

    rerender(<Probe value="second" />);
    expect(await screen.findByText('second')).toBeInTheDocument();
  });
});
