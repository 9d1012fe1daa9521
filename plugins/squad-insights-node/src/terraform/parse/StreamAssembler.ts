import type { InventoryBuilder } from './InventoryBuilder';
import { StateShapeError } from './StateParseError';
import {
  assign,
  Collection,
  collectionOf,
  Container,
  ENCRYPTED,
  KEEP,
  Step,
} from './streamCollections';

/** A token of stream-json's `Parser` with packed values (no chunk tokens). */
export interface JsonToken {
  name: string;
  value?: string | boolean | null;
}

type Sink = Pick<
  InventoryBuilder,
  'addV4' | 'addLegacy' | 'addShow' | 'setFormatVersion'
>;

interface Frame {
  container: Container;
  path: Step[];
  key?: string;
  collection?: Collection;
}

/**
 * Rebuilds a document from stream-json tokens while never holding more than one resource:
 * each element of a resource collection is assembled on its own, handed to the builder and
 * dropped; the rest (the "skeleton") is kept, minus top-level fields the inventory never reads.
 *
 * @internal
 */
export class StreamAssembler {
  private root: unknown;
  private readonly frames: Frame[] = [];
  private skipDepth = 0;
  // The element being assembled: its containers and pending keys, innermost last.
  private element: Container | undefined;
  private readonly outer: Array<Container | string | undefined> = [];
  private elementKey: string | undefined;
  private elementDepth = 0;

  constructor(private readonly sink: Sink) {}

  /** The skeleton; meaningful once the parser has ended without error. */
  skeleton(): unknown {
    return this.root;
  }

  token(t: JsonToken): void {
    if (this.elementDepth > 0) this.elementToken(t);
    else if (this.skipDepth > 0) this.skipToken(t);
    else this.skeletonToken(t);
  }

  private elementToken(t: JsonToken): void {
    switch (t.name) {
      case 'keyValue':
        this.elementKey = t.value as string;
        return;
      case 'startObject':
      case 'startArray': {
        const child: Container = t.name === 'startObject' ? {} : [];
        assign(this.element!, this.elementKey, child);
        this.outer.push(this.element, this.elementKey);
        this.element = child;
        this.elementDepth++;
        return;
      }
      case 'endObject':
      case 'endArray':
        if (--this.elementDepth === 0) {
          this.emit(this.element);
        } else {
          this.elementKey = this.outer.pop() as string | undefined;
          this.element = this.outer.pop() as Container;
        }
        return;
      default:
        assign(this.element!, this.elementKey, value(t));
    }
  }

  private skipToken(t: JsonToken): void {
    if (t.name === 'startObject' || t.name === 'startArray') this.skipDepth++;
    else if (t.name === 'endObject' || t.name === 'endArray') this.skipDepth--;
  }

  private skeletonToken(t: JsonToken): void {
    const frame = this.frames[this.frames.length - 1];
    if (t.name === 'keyValue') {
      frame.key = t.value as string;
      if (frame.path.length === 0 && ENCRYPTED.has(frame.key)) {
        throw new StateShapeError('encrypted');
      }
      return;
    }
    if (t.name === 'endObject' || t.name === 'endArray') {
      this.frames.pop();
      return;
    }
    const opens = t.name === 'startObject' || t.name === 'startArray';
    if (!frame) {
      // The document itself. Only an object can be a state; anything else is skipped whole.
      if (t.name === 'startObject') {
        this.root = {};
        this.frames.push({ container: this.root as Container, path: [] });
      } else {
        this.root = opens ? [] : value(t);
        if (opens) this.skipDepth = 1;
      }
      return;
    }
    if (frame.collection) {
      if (opens) {
        this.element = t.name === 'startObject' ? {} : [];
        this.elementKey = undefined;
        this.elementDepth = 1;
      } else {
        this.emit(value(t));
      }
      return;
    }
    const top = frame.path.length === 0;
    if (top && !KEEP.has(frame.key!)) {
      assign(frame.container, frame.key, true);
      if (opens) this.skipDepth = 1;
      return;
    }
    if (!opens) {
      const v = value(t);
      if (top && frame.key === 'version') this.sink.setFormatVersion(v);
      assign(frame.container, frame.key, v);
      return;
    }
    const array = t.name === 'startArray';
    const step = Array.isArray(frame.container)
      ? frame.container.length
      : frame.key!;
    const path = [...frame.path, step];
    const container: Container = array ? [] : {};
    assign(frame.container, frame.key, container);
    this.frames.push({
      container,
      path,
      collection: collectionOf(path, array),
    });
  }

  private emit(element: unknown): void {
    const frame = this.frames[this.frames.length - 1];
    switch (frame.collection) {
      case 'v4':
        this.sink.addV4(element);
        break;
      case 'legacy':
        this.sink.addLegacy(frame.path[1] as number, frame.key!, element);
        break;
      default: {
        // The module object holding this `resources` array; its `address` may follow later.
        const module = this.frames[this.frames.length - 2].container;
        this.sink.addShow(element, frame.collection === 'prior', module);
      }
    }
    this.element = undefined;
  }
}

function value(t: JsonToken): unknown {
  return t.name === 'numberValue' ? Number(t.value) : t.value;
}
