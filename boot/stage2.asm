; boot/stage2.asm - second boot stage, STAGE2_SECTORS*512 bytes at STAGE2_ADDR.
; Entered from stage 1 in real mode with DL = boot drive, DS=ES=SS=0.
; Steps: COM1 init -> A20 -> E820 memory map -> load + check the kernel image
; above 1 MiB (via a low bounce buffer and unreal mode) -> GDT -> 32-bit
; protected mode -> page tables -> long mode -> zero .bss -> kernel entry.
; Progress markers ("[boot] ...") go to COM1; errors go to COM1 and the
; screen, then the CPU halts. docs/boot-sequence.md documents the result.

%include "layout.inc"

    bits 16
    org STAGE2_ADDR

stage2_start:
    jmp short main
    db 'TSK2'                   ; signature checked by stage 1

main:
    mov [boot_drive], dl
    call serial_init
    mov si, msg_stage2
    call serial_puts

    mov dl, [boot_drive]
    call disk_init

    ; ---------------------------------------------------------------- A20
    call enable_a20
    mov si, err_a20
    jc fatal
    mov si, msg_a20
    call serial_puts

    ; ---------------------------------------------------------------- E820
    call read_e820
    mov si, msg_e820
    call serial_puts
    mov ax, [BOOTINFO_ADDR + BI_E820_COUNT]
    call serial_hex16
    mov si, msg_crlf
    call serial_puts

    ; ---------------------------------------------------------------- kernel
    call load_kernel
    mov si, msg_loaded
    call serial_puts

    ; ------------------------------------------------- protected mode (32-bit)
    cli                         ; IF=0 from here to the kernel (no IDT)
    lgdt [gdt_desc]
    mov eax, cr0
    or eax, 1                   ; CR0.PE (bit 0)
    mov cr0, eax
    jmp SEL_CODE32:pm32

; =============================================================================
; 16-bit helpers
; =============================================================================

; Print DS:SI to COM1 and the screen, then halt forever.
fatal:
    push si
    mov si, msg_error
    call serial_puts
    call screen_puts
    pop si
    call serial_puts
    call screen_puts
.halt:
    cli
    hlt
    jmp .halt

screen_puts:                    ; DS:SI, zero-terminated, INT 10h teletype
    pusha
.next:
    lodsb
    test al, al
    jz .done
    mov ah, 0x0E
    mov bx, 0x0007
    int 0x10
    jmp .next
.done:
    popa
    ret

; 16550 UART on COM1: 115200 baud, 8 data bits, no parity, 1 stop bit.
serial_init:
    mov dx, COM1 + 1            ; IER: no UART interrupts
    xor al, al
    out dx, al
    mov dx, COM1 + 3            ; LCR: DLAB=1 to reach the divisor latch
    mov al, 0x80
    out dx, al
    mov dx, COM1 + 0            ; DLL: divisor 1 = 115200 baud
    mov al, 1
    out dx, al
    mov dx, COM1 + 1            ; DLM
    xor al, al
    out dx, al
    mov dx, COM1 + 3            ; LCR: DLAB=0, 8N1
    mov al, 0x03
    out dx, al
    mov dx, COM1 + 2            ; FCR: enable + clear FIFOs, 14-byte threshold
    mov al, 0xC7
    out dx, al
    mov dx, COM1 + 4            ; MCR: DTR + RTS
    mov al, 0x03
    out dx, al
    ret

serial_putc:                    ; AL = byte
    push dx
    push ax
    mov dx, COM1 + 5            ; LSR
.wait:
    in al, dx
    test al, 0x20               ; LSR.THRE: transmit holding register empty
    jz .wait
    pop ax
    mov dx, COM1
    out dx, al
    pop dx
    ret

serial_puts:                    ; DS:SI, zero-terminated
    push si
    push ax
.next:
    lodsb
    test al, al
    jz .done
    call serial_putc
    jmp .next
.done:
    pop ax
    pop si
    ret

serial_hex16:                   ; AX as "0x" + 4 hex digits
    pusha
    mov bx, ax
    mov al, '0'
    call serial_putc
    mov al, 'x'
    call serial_putc
    mov cx, 4
.digit:
    rol bx, 4
    mov al, bl
    and al, 0x0F
    add al, '0'
    cmp al, '9'
    jbe .out
    add al, 'A' - '9' - 1
.out:
    call serial_putc
    loop .digit
    popa
    ret

; ---------------------------------------------------------------------- A20
; Returns CF clear once the A20 line is on. Tries the "fast A20" gate
; (System Control Port A, port 0x92 bit 1), then the 8042 keyboard
; controller's output port (bit 1). Each attempt is verified.
enable_a20:
    call a20_on
    je .ok
    ; Fast A20: set bit 1 of port 0x92; never write bit 0 (fast reset).
    in al, 0x92
    or al, 0x02
    and al, 0xFE
    out 0x92, al
    call a20_wait
    je .ok
    ; 8042: disable keyboard, read output port (D0h), write it back (D1h)
    ; with bit 1 (A20 gate) set, re-enable keyboard.
    call kbc_wait_in
    mov al, 0xAD
    out 0x64, al
    call kbc_wait_in
    mov al, 0xD0
    out 0x64, al
    call kbc_wait_out
    in al, 0x60
    push ax
    call kbc_wait_in
    mov al, 0xD1
    out 0x64, al
    call kbc_wait_in
    pop ax
    or al, 0x02
    out 0x60, al
    call kbc_wait_in
    mov al, 0xAE
    out 0x64, al
    call kbc_wait_in
    call a20_wait
    je .ok
    stc
    ret
.ok:
    clc
    ret

; Poll a20_on for a while (the gate may take some time to switch).
; ZF set = A20 on.
a20_wait:
    mov cx, 0x1000
.again:
    call a20_on
    je .done
    loop .again
    or cx, 1                    ; ZF clear: still off
.done:
    ret

; Wraparound test: with A20 off, FFFF:0510 (= 0x100500) aliases 0000:0500.
; Writes different bytes to both and compares. ZF set = A20 on.
a20_on:
    push ds
    push es
    push bx
    push ax
    xor ax, ax
    mov ds, ax
    not ax
    mov es, ax                  ; ES = 0xFFFF
    mov bl, [ds:0x0500]         ; save both bytes
    mov bh, [es:0x0510]
    mov byte [ds:0x0500], 0x00
    mov byte [es:0x0510], 0xFF
    mov al, [ds:0x0500]
    mov [es:0x0510], bh         ; restore (mov leaves flags alone)
    mov [ds:0x0500], bl
    cmp al, 0x00                ; unchanged -> no alias -> A20 on (ZF=1)
    pop ax
    pop bx
    pop es
    pop ds
    ret

; 8042 status port 0x64: bit 1 = input buffer full, bit 0 = output full.
; Both waits give up after 64K polls (no controller present).
kbc_wait_in:
    push ax
    push cx
    xor cx, cx
.poll:
    in al, 0x64
    test al, 0x02
    loopnz .poll
    pop cx
    pop ax
    ret

kbc_wait_out:
    push ax
    push cx
    xor cx, cx
.poll:
    in al, 0x64
    test al, 0x01
    loopz .poll
    pop cx
    pop ax
    ret

; --------------------------------------------------------------------- E820
; INT 15h EAX=E820h: fill the boot-info table with up to E820_MAX_ENTRIES
; 24-byte entries (zero-length entries skipped). A 20-byte answer keeps the
; preset extended attributes = 1 ("valid"). Count = 0 if E820 is missing.
read_e820:
    pushad
    mov dword [BOOTINFO_ADDR + BI_E820_COUNT], 0
    movzx eax, byte [boot_drive]
    mov [BOOTINFO_ADDR + BI_BOOT_DRIVE], eax
    xor ebx, ebx                ; continuation value: 0 = start
    xor bp, bp                  ; entries stored
    mov di, BOOTINFO_ADDR + BI_E820_ENTRIES     ; ES:DI = 0:entry
.next:
    mov dword [di + 20], 1
    mov eax, 0xE820
    mov ecx, E820_ENTRY_SIZE
    mov edx, 0x534D4150         ; 'SMAP'
    int 0x15
    jc .done                    ; CF: unsupported, or past the last entry
    cmp eax, 0x534D4150
    jne .done
    mov eax, [di + 8]           ; skip entries of length 0
    or eax, [di + 12]
    jz .skip
    inc bp
    add di, E820_ENTRY_SIZE
    cmp bp, E820_MAX_ENTRIES
    jae .done
.skip:
    test ebx, ebx               ; EBX = 0: that was the last entry
    jnz .next
.done:
    mov [BOOTINFO_ADDR + BI_E820_COUNT], bp
    popad
    ret

; ------------------------------------------------------------------- kernel
; Reads the kernel header (first sector of the image at KERNEL_LBA), checks
; it, then reads load_end - KERNEL_LOAD_ADDR bytes (rounded up to sectors)
; in BOUNCE_SECTORS chunks to the bounce buffer, copying each chunk to
; KERNEL_LOAD_ADDR + offset with unreal mode.
load_kernel:
    ; header -> bounce buffer
    mov ax, BOUNCE_SEG
    mov es, ax
    xor bx, bx
    mov eax, KERNEL_LBA
    mov cx, 1
    call disk_read
    mov si, err_disk
    jc fatal
    xor ax, ax
    mov es, ax
    mov ax, BOUNCE_SEG
    mov fs, ax                  ; FS:0 = header

    mov si, err_magic
    cmp dword [fs:KHDR_MAGIC], KERNEL_MAGIC
    jne fatal
    mov si, err_version
    cmp dword [fs:KHDR_VERSION], KERNEL_VERSION
    jne fatal
    mov si, err_header
    ; all three addresses must fit in 32 bits (we only map 1 GiB anyway)
    cmp dword [fs:KHDR_ENTRY + 4], 0
    jne fatal
    cmp dword [fs:KHDR_LOAD_END + 4], 0
    jne fatal
    cmp dword [fs:KHDR_BSS_END + 4], 0
    jne fatal
    mov eax, [fs:KHDR_ENTRY]
    mov [kernel_entry], eax
    mov eax, [fs:KHDR_LOAD_END]
    mov [kernel_load_end], eax
    mov edx, [fs:KHDR_BSS_END]
    mov [kernel_bss_end], edx
    ; KERNEL_LOAD_ADDR < load_end <= bss_end <= IDENTITY_MAP_BYTES
    cmp eax, KERNEL_LOAD_ADDR + KHDR_SIZE
    jb fatal
    cmp edx, eax
    jb fatal
    cmp edx, IDENTITY_MAP_BYTES
    ja fatal
    ; KERNEL_LOAD_ADDR + KHDR_SIZE <= entry < load_end
    mov ecx, [kernel_entry]
    cmp ecx, KERNEL_LOAD_ADDR + KHDR_SIZE
    jb fatal
    cmp ecx, eax
    jae fatal
    ; size = load_end - KERNEL_LOAD_ADDR <= MAX_KERNEL_BYTES
    sub eax, KERNEL_LOAD_ADDR
    mov si, err_size
    cmp eax, MAX_KERNEL_BYTES
    ja fatal
    add eax, SECTOR_SIZE - 1
    shr eax, 9                  ; sectors to read
    mov [sectors_left], eax
    mov dword [next_lba], KERNEL_LBA
    mov dword [next_dest], KERNEL_LOAD_ADDR

.chunk:
    mov ecx, [sectors_left]
    cmp ecx, BOUNCE_SECTORS
    jbe .sized
    mov ecx, BOUNCE_SECTORS
.sized:
    mov ax, BOUNCE_SEG
    mov es, ax
    xor bx, bx
    mov eax, [next_lba]
    call disk_read              ; CX sectors -> BOUNCE_SEG:0
    mov si, err_disk
    jc fatal
    xor ax, ax
    mov es, ax

    call enter_unreal           ; DS/ES limits 4 GiB, bases still 0
    cli
    push ecx
    mov esi, BOUNCE_ADDR
    mov edi, [next_dest]
    shl ecx, 7                  ; sectors * 512 / 4 = dwords
    cld
    a32 rep movsd               ; DS:ESI -> ES:EDI with 32-bit addresses
    pop ecx
    sti

    add [next_lba], ecx
    sub [sectors_left], ecx
    shl ecx, 9
    add [next_dest], ecx
    cmp dword [sectors_left], 0
    jne .chunk
    ret

; Unreal mode: enter protected mode just long enough to load DS and ES with
; the flat 4 GiB data descriptor, then go back to real mode. The hidden
; descriptor caches keep the 4 GiB limit, so 32-bit offsets work in real
; mode. Redone before every copy because a BIOS call may reset the limits.
enter_unreal:
    pushf
    cli
    push eax
    push ds
    push es
    lgdt [gdt_desc]
    mov eax, cr0
    or al, 1                    ; CR0.PE = 1
    mov cr0, eax
    jmp short .pm               ; flush the prefetch queue
.pm:
    mov ax, SEL_DATA
    mov ds, ax
    mov es, ax
    mov eax, cr0
    and al, 0xFE                ; CR0.PE = 0: back to real mode
    mov cr0, eax
    pop es                      ; real-mode selectors (base 0) again;
    pop ds                      ; the 4 GiB limits stay cached
    pop eax
    popf
    ret

%include "disk.inc"

; =============================================================================
; 32-bit protected mode: build the page tables and switch to long mode
; =============================================================================
    bits 32
pm32:
    mov ax, SEL_DATA
    mov ds, ax
    mov es, ax
    mov ss, ax
    mov fs, ax
    mov gs, ax
    mov esp, BOOT_STACK_TOP

    ; Zero PML4, PDPT and PD (3 contiguous 4 KiB pages).
    mov edi, PML4_ADDR
    xor eax, eax
    mov ecx, 3 * 4096 / 4
    cld
    rep stosd
    ; One PDPT and one PD serve three windows on the first 1 GiB (bits: P=1,
    ; RW=1): PML4[0] and PDPT[0], the identity map stage 2 runs on;
    ; PML4[DIRECT_MAP_SLOT] and PDPT[0], the kernel's direct map
    ; (DIRECT_MAP_BASE + phys); PML4[511] and PDPT[KERNEL_PDPT_SLOT], the
    ; kernel image linked at KERNEL_VMA + phys (the top 2 GiB).
    mov dword [PML4_ADDR], PDPT_ADDR | 0x03
    mov dword [PML4_ADDR + DIRECT_MAP_SLOT * 8], PDPT_ADDR | 0x03
    mov dword [PML4_ADDR + 511 * 8], PDPT_ADDR | 0x03
    mov dword [PDPT_ADDR], PD_ADDR | 0x03
    mov dword [PDPT_ADDR + KERNEL_PDPT_SLOT * 8], PD_ADDR | 0x03
    ; PD[i] = i * 2 MiB | PS(bit 7) | RW | P: identity map 0..1 GiB
    mov edi, PD_ADDR
    mov eax, 0x83
    mov ecx, 512
.pd:
    mov [edi], eax
    add eax, 0x200000
    add edi, 8
    loop .pd

    ; CR4: PAE (bit 5), OSFXSR (bit 9), OSXMMEXCPT (bit 10) for SSE
    mov eax, cr4
    or eax, (1 << 5) | (1 << 9) | (1 << 10)
    mov cr4, eax
    mov eax, PML4_ADDR
    mov cr3, eax
    ; IA32_EFER (MSR 0xC0000080): LME (bit 8) = long mode enable
    mov ecx, 0xC0000080
    rdmsr
    or eax, 1 << 8
    wrmsr
    ; CR0: PG (bit 31) activates long mode; MP (bit 1) = 1 and EM (bit 2) = 0
    ; so x87/SSE instructions run natively.
    mov eax, cr0
    or eax, (1 << 31) | (1 << 1)
    and eax, ~(1 << 2)
    mov cr0, eax
    jmp SEL_CODE64:lm64

; =============================================================================
; 64-bit long mode: zero .bss and enter the kernel
; =============================================================================
    bits 64
lm64:
    mov ax, SEL_DATA
    mov ds, ax
    mov es, ax
    mov ss, ax
    xor eax, eax
    mov fs, ax
    mov gs, ax
    mov rsp, BOOT_STACK_TOP
    fninit

    ; .bss: zero [load_end, bss_end)
    mov edi, [kernel_load_end]
    mov ecx, [kernel_bss_end]
    sub ecx, edi
    xor eax, eax
    cld
    rep stosb

    mov esi, msg_long
.puts:
    lodsb
    test al, al
    jz .go
    mov bl, al
    mov dx, COM1 + 5
.wait:
    in al, dx
    test al, 0x20               ; LSR.THRE
    jz .wait
    mov al, bl
    mov dx, COM1
    out dx, al
    jmp .puts
.go:
    mov edi, BOOTINFO_ADDR      ; RDI = boot-info pointer (SysV arg 0)
    mov eax, [kernel_entry]     ; physical: the kernel runs at KERNEL_VMA + it
    mov rbx, KERNEL_VMA
    add rax, rbx
    xor ebx, ebx
    xor ecx, ecx
    xor edx, edx
    xor esi, esi
    xor ebp, ebp
    jmp rax

; =============================================================================
; data
; =============================================================================
    align 8
gdt:
    dq 0                        ; 0x00 null
    dq 0x00AF9A000000FFFF       ; 0x08 64-bit code: P, DPL0, exec/read, L=1, G=1
    dq 0x00CF92000000FFFF       ; 0x10 data: P, DPL0, read/write, base 0, 4 GiB, D/B=1, G=1
    dq 0x00CF9A000000FFFF       ; 0x18 32-bit code: P, DPL0, exec/read, base 0, 4 GiB, D=1, G=1
gdt_end:
gdt_desc:
    dw gdt_end - gdt - 1
    dd gdt

boot_drive:      db 0
    align 4
kernel_entry:    dd 0
kernel_load_end: dd 0
kernel_bss_end:  dd 0
sectors_left:    dd 0
next_lba:        dd 0
next_dest:       dd 0

msg_stage2:  db "[boot] stage2", 13, 10, 0
msg_a20:     db "[boot] a20 on", 13, 10, 0
msg_e820:    db "[boot] e820 entries ", 0
msg_crlf:    db 13, 10, 0
msg_loaded:  db "[boot] kernel loaded", 13, 10, 0
msg_long:    db "[boot] long mode", 13, 10, 0
msg_error:   db "[boot] error: ", 0
err_a20:     db "cannot enable A20", 13, 10, 0
err_disk:    db "disk read failed", 13, 10, 0
err_magic:   db "bad kernel magic (expected TSKK)", 13, 10, 0
err_version: db "unsupported kernel header version", 13, 10, 0
err_header:  db "bad kernel header addresses", 13, 10, 0
err_size:    db "kernel image larger than MAX_KERNEL_BYTES", 13, 10, 0

    times STAGE2_SECTORS * SECTOR_SIZE - ($ - $$) db 0
