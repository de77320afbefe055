// A virtio device over PCI (virtio 1.x, 3.1): reset, status, feature
// negotiation, queues, the interrupt, and the device configuration.
// A driver calls virtioInit with the features it implements, sets up its
// queues with virtioQueue, reads its configuration, and calls
// virtioReady; from then on, each interrupt whose ISR status says a queue
// was used calls the driver's `onQueue`. Features the driver does not
// name are refused (only VERSION_1 is required: a device without it is
// not a modern device). docs/storage.md, "Virtio".
import { consoleWrite } from '../../console/console';
import { irqRegister } from '../../interrupts/irq';
import { pciEnable } from '../pci/bars';
import { PciDevice } from '../pci/device';
import { QUEUE_MAX_SIZE, Virtqueue, virtqueueNew } from './queue';
import { VirtioTransport, virtioTransportFind } from './transport';

/** Feature bits (virtio 1.x, 6). */
export const VIRTIO_F_VERSION_1: u64 = u64(1) << 32;
/** Device status bits (2.1). */
export const STATUS_ACKNOWLEDGE: u8 = 1;
export const STATUS_DRIVER: u8 = 2;
export const STATUS_DRIVER_OK: u8 = 4;
export const STATUS_FEATURES_OK: u8 = 8;
export const STATUS_FAILED: u8 = 128;
/** The most virtio devices the kernel drives. */
export const VIRTIO_MAX_DEVICES: i32 = 8;

// Common configuration offsets (4.1.4.3).
const DEVICE_FEATURE_SELECT: usize = 0x00;
const DEVICE_FEATURE: usize = 0x04;
const DRIVER_FEATURE_SELECT: usize = 0x08;
const DRIVER_FEATURE: usize = 0x0c;
const NUM_QUEUES: usize = 0x12;
const DEVICE_STATUS: usize = 0x14;
const CONFIG_GENERATION: usize = 0x15;
const QUEUE_SELECT: usize = 0x16;
const QUEUE_SIZE: usize = 0x18;
const QUEUE_ENABLE: usize = 0x1c;
const QUEUE_NOTIFY_OFF: usize = 0x1e;
const QUEUE_DESC: usize = 0x20;
const QUEUE_DRIVER: usize = 0x28;
const QUEUE_DEVICE: usize = 0x30;
const RESET_SPINS: i32 = 1_000_000;

/** What a driver does when its device has used buffers (runs in the IRQ handler: must not block). */
export type VirtioQueueHandler = (dev: VirtioDevice) => void;

export class VirtioDevice {
  constructor(readonly pci: PciDevice, readonly t: VirtioTransport) {}
  /** The features both sides agreed on. */
  features: u64 = 0;
  /** The driver's word (e.g. the index of its own state). */
  driverData: u64 = 0;
  onQueue: VirtioQueueHandler | null = null;
  /** Interrupts that said a queue was used, and configuration changes. */
  queueInterrupts: u64 = 0;
  configChanges: u64 = 0;
}

const devices = new Array<VirtioDevice | null>(8);
let deviceCount: i32 = 0;

function status(dev: VirtioDevice): u8 {
  return volatileLoad<u8>(dev.t.common + DEVICE_STATUS);
}

function setStatus(dev: VirtioDevice, bits: u8): void {
  volatileStore<u8>(dev.t.common + DEVICE_STATUS, status(dev) | bits);
}

/** Tells the device the driver gave up on it (FAILED) and says why; returns null for the caller to return. */
export function virtioFail(dev: VirtioDevice, why: string): VirtioDevice | null {
  setStatus(dev, STATUS_FAILED);
  consoleWrite('virtio: ');
  consoleWrite(why);
  consoleWrite('\n');
  return null;
}

function readFeatures(dev: VirtioDevice): u64 {
  volatileStore<u32>(dev.t.common + DEVICE_FEATURE_SELECT, 0);
  const low = volatileLoad<u32>(dev.t.common + DEVICE_FEATURE);
  volatileStore<u32>(dev.t.common + DEVICE_FEATURE_SELECT, 1);
  return u64(low) | (u64(volatileLoad<u32>(dev.t.common + DEVICE_FEATURE)) << 32);
}

function writeFeatures(dev: VirtioDevice, f: u64): void {
  volatileStore<u32>(dev.t.common + DRIVER_FEATURE_SELECT, 0);
  volatileStore<u32>(dev.t.common + DRIVER_FEATURE, u32(f & 0xffff_ffff));
  volatileStore<u32>(dev.t.common + DRIVER_FEATURE_SELECT, 1);
  volatileStore<u32>(dev.t.common + DRIVER_FEATURE, u32(f >> 32));
}

/**
 * Resets the device behind `pci`, acknowledges it and negotiates: the
 * features accepted are those the device offers among `implemented`
 * (VERSION_1 always). Null (the device marked FAILED, a message printed)
 * if it is not a usable modern virtio device.
 */
export function virtioInit(pci: PciDevice, implemented: u64): VirtioDevice | null {
  if (deviceCount == VIRTIO_MAX_DEVICES) return null;
  const t = new VirtioTransport();
  pciEnable(pci);
  if (!virtioTransportFind(pci, t)) return null;
  const dev = new VirtioDevice(pci, t);
  volatileStore<u8>(t.common + DEVICE_STATUS, 0);
  let spins: i32 = 0;
  while (status(dev) != 0 && spins < RESET_SPINS) spins++;
  if (status(dev) != 0) return virtioFail(dev, 'the device does not reset');
  setStatus(dev, STATUS_ACKNOWLEDGE);
  setStatus(dev, STATUS_DRIVER);
  const offered = readFeatures(dev);
  if ((offered & VIRTIO_F_VERSION_1) == 0) return virtioFail(dev, 'the device does not offer VERSION_1');
  dev.features = offered & (implemented | VIRTIO_F_VERSION_1);
  writeFeatures(dev, dev.features);
  setStatus(dev, STATUS_FEATURES_OK);
  if ((status(dev) & STATUS_FEATURES_OK) == 0) return virtioFail(dev, 'the device refused the features');
  return dev;
}

/**
 * Sets up queue `index` with at most `maxSize` entries (a power of two
 * no larger than the device's maximum and QUEUE_MAX_SIZE); null if the
 * device has no such queue or memory is out.
 */
export function virtioQueue(dev: VirtioDevice, index: u16, maxSize: u32): Virtqueue | null {
  const c = dev.t.common;
  if (index >= volatileLoad<u16>(c + NUM_QUEUES)) return null;
  volatileStore<u16>(c + QUEUE_SELECT, index);
  const offered = u32(volatileLoad<u16>(c + QUEUE_SIZE));
  let size: u32 = 1;
  while (size * 2 <= offered && size * 2 <= maxSize && size * 2 <= QUEUE_MAX_SIZE) size *= 2;
  if (offered == 0) return null;
  const notifyOff = u64(volatileLoad<u16>(c + QUEUE_NOTIFY_OFF)) * u64(dev.t.notifyMultiplier);
  if (notifyOff + 2 > u64(dev.t.notifyLength)) return null; // the notify address must lie in the notify structure
  const q = virtqueueNew(index, u16(size));
  if (q === null) return null;
  q.notifyAddr = dev.t.notifyBase + usize(notifyOff);
  volatileStore<u16>(c + QUEUE_SIZE, u16(size));
  write64(c + QUEUE_DESC, q.descPhys);
  write64(c + QUEUE_DRIVER, q.availPhys);
  write64(c + QUEUE_DEVICE, q.usedPhys);
  volatileStore<u16>(c + QUEUE_ENABLE, 1);
  return q;
}

function write64(at: usize, v: u64): void {
  volatileStore<u32>(at, u32(v & 0xffff_ffff));
  volatileStore<u32>(at + 4, u32(v >> 32));
}

/** The device's interrupt: reading the ISR status acknowledges it (and lowers the line). */
function virtioIrq(data: u64): bool {
  const dev = devices[i32(data)]!;
  const isr = volatileLoad<u8>(dev.t.isr);
  if (isr == 0) return false; // another device on the shared line
  if ((isr & 2) != 0) dev.configChanges++;
  if ((isr & 1) != 0) {
    dev.queueInterrupts++;
    if (dev.onQueue !== null) dev.onQueue!(dev);
  }
  return true;
}

/** Registers the device's interrupt with `onQueue` as its queue handler and sets DRIVER_OK; false if its line is unusable. */
export function virtioReady(dev: VirtioDevice, name: string, onQueue: VirtioQueueHandler): bool {
  const line = u32(dev.pci.irqLine);
  if (dev.pci.irqPin == 0 || line >= 16) {
    virtioFail(dev, 'the device has no usable interrupt line');
    return false;
  }
  dev.onQueue = onQueue;
  devices[deviceCount] = dev;
  if (!irqRegister(line, name, virtioIrq, u64(deviceCount))) {
    virtioFail(dev, 'the interrupt line has too many owners');
    return false;
  }
  deviceCount++;
  setStatus(dev, STATUS_DRIVER_OK);
  return true;
}

/**
 * Reads `bytes` (1, 2, 4 or 8) of the device configuration at `offset`,
 * retrying while the configuration generation changes under the read
 * (a bounded number of times); 0 outside the structure.
 */
export function virtioConfigRead(dev: VirtioDevice, offset: u32, bytes: u32): u64 {
  if (dev.t.deviceCfg == 0 || u64(offset) + u64(bytes) > u64(dev.t.deviceCfgLength)) return 0;
  const at = dev.t.deviceCfg + usize(offset);
  let v: u64 = 0;
  for (let tries: i32 = 0; tries < 16; tries++) {
    const before = volatileLoad<u8>(dev.t.common + CONFIG_GENERATION);
    if (bytes == 1) v = u64(volatileLoad<u8>(at));
    else if (bytes == 2) v = u64(volatileLoad<u16>(at));
    else if (bytes == 4) v = u64(volatileLoad<u32>(at));
    else v = u64(volatileLoad<u32>(at)) | (u64(volatileLoad<u32>(at + 4)) << 32);
    if (volatileLoad<u8>(dev.t.common + CONFIG_GENERATION) == before) break;
  }
  return v;
}
