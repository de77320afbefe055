; boot/stage1.asm - the MBR (512 bytes, loaded by the BIOS at 0000:7C00).
; Sets up segments and a stack, keeps the boot drive from DL, loads the
; fixed-size stage 2 (STAGE2_SECTORS sectors from LBA STAGE2_LBA) to
; STAGE2_ADDR with boot/disk.inc, checks its signature and jumps to it with
; DL = boot drive. On failure it prints an error with the BIOS teletype
; (INT 10h AH=0Eh) and halts. See docs/boot-sequence.md.

%include "layout.inc"

    bits 16
    org STAGE1_ADDR

start:
    ; Some BIOSes enter at 07C0:0000; normalise CS:IP to 0000:7C00.
    jmp 0x0000:.flat
.flat:
    cli
    xor ax, ax
    mov ds, ax
    mov es, ax
    mov ss, ax
    mov sp, REAL_STACK_TOP      ; stack grows down from just below the MBR
    sti
    cld

    call disk_init              ; DL = boot drive, straight from the BIOS

    mov eax, STAGE2_LBA
    mov cx, STAGE2_SECTORS
    mov bx, STAGE2_ADDR         ; ES = 0
    call disk_read
    mov si, msg_disk
    jc fatal

    ; stage 2 starts with "jmp short" + 'TSK2'; catches a wrong/short image
    cmp dword [STAGE2_ADDR + 2], 'TSK2'
    mov si, msg_sig
    jne fatal

    mov dl, [disk_drive]
    jmp 0x0000:STAGE2_ADDR

; Print the zero-terminated string at DS:SI, then halt for good.
fatal:
    push si
    mov si, msg_prefix
    call print
    pop si
    call print
.halt:
    cli
    hlt
    jmp .halt

print:
    lodsb
    test al, al
    jz .done
    mov ah, 0x0E                ; INT 10h AH=0Eh: teletype output
    mov bx, 0x0007              ; page 0, light grey
    int 0x10
    jmp print
.done:
    ret

msg_prefix: db "stage1: ", 0
msg_disk:   db "disk read error, halted", 13, 10, 0
msg_sig:    db "bad stage2 signature, halted", 13, 10, 0

%include "disk.inc"

    ; The MBR's tail: a disk signature and the partition table, which the
    ; image builder fills in (compiler/image/image.ts, docs/boot-sequence.md).
    times MBR_DISK_SIGNATURE - ($ - $$) db 0
    dd 0                        ; disk signature
    dw 0
    times MBR_ENTRIES * MBR_ENTRY_SIZE db 0  ; four partition entries
    dw 0xAA55                   ; boot signature: bytes 55 AA
